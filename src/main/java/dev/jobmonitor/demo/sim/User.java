package dev.jobmonitor.demo.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A user account; login timestamps change, everything else is fixed. Thread-safe. */
public final class User {
    private static final List<String> PERMISSIONS = List.of("create_projects", "generate_content",
            "view_own_analytics", "export_content", "invite_users");

    private final String id;
    private final String email;
    private final byte[] password;
    private final String firstName;
    private final String lastName;
    private final String organizationName;
    private final String organizationId;
    private final String referralCode;
    private final Instant createdAt;
    private Instant firstLoginAt;
    private Instant lastLoginAt;

    public User(String id, String email, String password, String firstName, String lastName,
            String organizationName, String organizationId, String referralCode, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.firstName = firstName;
        this.lastName = lastName;
        this.organizationName = organizationName;
        this.organizationId = organizationId;
        this.referralCode = referralCode;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String organizationName() {
        return organizationName;
    }

    public String planTier() {
        return "free";
    }

    public String role() {
        return "user";
    }

    public List<String> permissions() {
        return PERMISSIONS;
    }

    public int hierarchyLevel() {
        return 10;
    }

    /** Compares in constant time, so response timing does not leak the password. */
    public boolean passwordMatches(String candidate) {
        return MessageDigest.isEqual(password, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records a login. Call it after building the login response: like the real backend, the
     * first login's response still shows {@code firstLoginAt:null}.
     */
    public synchronized void recordLogin(Instant now) {
        if (firstLoginAt == null) {
            firstLoginAt = now;
        }
        lastLoginAt = now;
    }

    /**
     * Builds the {@code user} object of login responses, plus {@code lastLoginAt} for
     * {@code /auth/me}.
     */
    public synchronized ObjectNode toJson(boolean withLastLogin) {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("email", email);
        json.put("firstName", firstName);
        json.put("lastName", lastName);
        json.put("firstLoginAt", Json.timestamp(firstLoginAt));
        json.put("createdAt", Json.timestamp(createdAt));
        json.put("organizationName", organizationName);
        json.put("organizationId", organizationId);
        json.put("organizationRole", "owner");
        String slug = organizationName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        json.put("organizationSlug", slug + "-" + id.substring(0, 8));
        json.put("organizationWebsite", "example.test");
        json.put("referralCode", referralCode);
        json.put("planTier", planTier());
        json.putNull("billingStatus");
        json.putNull("usageLimit");
        json.putNull("currentUsage");
        if (withLastLogin) {
            json.put("lastLoginAt", Json.timestamp(lastLoginAt));
        }
        json.put("role", role());
        permissions().forEach(json.putArray("permissions")::add);
        json.put("hierarchyLevel", hierarchyLevel());
        return json;
    }
}
