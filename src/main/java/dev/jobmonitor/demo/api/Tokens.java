package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.sim.Json;
import dev.jobmonitor.demo.sim.User;
import dev.jobmonitor.demo.sim.World;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Issues and checks access and refresh tokens. Each backend instance draws its own secrets, so
 * tokens of one instance are invalid on another. Thread-safe.
 */
public final class Tokens {
    private static final String ISSUER = "autoblog-api";
    private static final String REFRESH_TYPE = "refresh";

    private final World world;
    private final Clock clock;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final SecureRandom secrets = new SecureRandom();
    private volatile byte[] accessSecret;
    private volatile byte[] refreshSecret;

    public Tokens(World world, DemoConfig config, Clock clock) {
        this.world = world;
        this.clock = clock;
        this.accessLifetime = atLeastOneSecond(config.scale(config.accessTokenLifetime()));
        this.refreshLifetime = atLeastOneSecond(config.scale(config.refreshTokenLifetime()));
        this.accessSecret = newSecret();
        this.refreshSecret = newSecret();
    }

    /**
     * Draws a new access-token secret, so every access token issued so far fails verification,
     * as after a deploy with a new {@code JWT_SECRET}. Refresh tokens keep working.
     */
    public void invalidateAccessTokens() {
        accessSecret = newSecret();
    }

    /**
     * Draws a new refresh-token secret, so every refresh token issued so far is rejected and
     * its user must log in again. Access tokens keep working until they expire.
     */
    public void invalidateRefreshTokens() {
        refreshSecret = newSecret();
    }

    public String issueAccess(User user) {
        return issueAccess(user, accessLifetime);
    }

    /** Issues an access token with any lifetime; a negative one gives an already expired token. */
    public String issueAccess(User user, Duration lifetime) {
        ObjectNode claims = Json.object();
        claims.put("userId", user.id());
        claims.put("email", user.email());
        claims.put("firstName", user.firstName());
        claims.put("lastName", user.lastName());
        claims.put("organizationName", user.organizationName());
        claims.put("planTier", user.planTier());
        claims.put("role", user.role());
        user.permissions().forEach(claims.putArray("permissions")::add);
        claims.put("hierarchyLevel", user.hierarchyLevel());
        putTimes(claims, lifetime);
        return Jwt.sign(claims, accessSecret);
    }

    /**
     * Issues a refresh token; it has its own secret and type, so it never passes as an access
     * token.
     */
    public String issueRefresh(User user) {
        ObjectNode claims = Json.object();
        claims.put("userId", user.id());
        claims.put("type", REFRESH_TYPE);
        putTimes(claims, refreshLifetime);
        return Jwt.sign(claims, refreshSecret);
    }

    /** Returns the user of a valid, unexpired access token. */
    public Optional<User> verifyAccess(String token) {
        return Jwt.verify(token, accessSecret, nowSeconds())
                .filter(claims -> !claims.has("type"))
                .flatMap(claims -> world.userById(claims.path("userId").asText()));
    }

    /** Returns the user of a valid, unexpired refresh token. */
    public Optional<User> verifyRefresh(String token) {
        return Jwt.verify(token, refreshSecret, nowSeconds())
                .filter(claims -> REFRESH_TYPE.equals(claims.path("type").asText()))
                .flatMap(claims -> world.userById(claims.path("userId").asText()));
    }

    /** Returns the access lifetime as {@code expiresIn} shows it, such as {@code "7d"}. */
    public String expiresInText() {
        long seconds = accessLifetime.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    public Duration accessLifetime() {
        return accessLifetime;
    }

    public Duration refreshLifetime() {
        return refreshLifetime;
    }

    private void putTimes(ObjectNode claims, Duration lifetime) {
        long issuedAt = nowSeconds();
        claims.put("iat", issuedAt);
        claims.put("exp", issuedAt + lifetime.toSeconds());
        claims.put("iss", ISSUER);
    }

    private long nowSeconds() {
        return Math.floorDiv(clock.millis(), 1000);
    }

    private byte[] newSecret() {
        byte[] secret = new byte[32];
        secrets.nextBytes(secret);
        return secret;
    }

    private static Duration atLeastOneSecond(Duration lifetime) {
        return lifetime.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : lifetime;
    }
}
