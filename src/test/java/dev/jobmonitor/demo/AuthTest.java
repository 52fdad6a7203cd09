package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
    private static final String UNAUTHORIZED_BODY = "{\"success\":false,\"error\":\"Unauthorized\","
            + "\"message\":\"Authentication or session ID (x-session-id) is required\"}";

    private static DemoBackend backend;
    private static ApiClient api;

    @BeforeAll
    static void startBackend() throws IOException {
        // Real time, so token lifetimes and cookies have their production values.
        backend = DemoBackend.start(DemoConfig.builder().autoJobs(false).build());
        api = new ApiClient(backend.baseUrl());
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void loginReturnsUserTokensAndCookies() throws IOException {
        ApiClient.JsonResponse response = api.post("/api/v1/auth/login", null,
                "{\"email\":\"  Demo@Example.TEST \",\"password\":\"demo1234\"}");

        assertEquals(200, response.status(), response.text());
        JsonNode json = response.json();
        assertTrue(json.get("success").asBoolean());
        assertEquals("Login successful", json.get("message").asText());
        assertEquals("demo@example.test", json.at("/user/email").asText());
        assertEquals(List.of("success", "message", "user", "accessToken", "refreshToken", "expiresIn"),
                fieldNames(json));
        assertEquals(List.of("id", "email", "firstName", "lastName", "firstLoginAt", "createdAt",
                "organizationName", "organizationId", "organizationRole", "organizationSlug", "organizationWebsite",
                "referralCode", "planTier", "billingStatus", "usageLimit", "currentUsage", "role", "permissions",
                "hierarchyLevel"), fieldNames(json.get("user")));
        assertEquals("7d", json.get("expiresIn").asText());
        List<String> cookies = response.headers().values("Set-Cookie");
        assertEquals(2, cookies.size());
        String accessCookiePrefix = "access_token=" + json.get("accessToken").asText()
                + "; Max-Age=604; Path=/; Expires=";
        assertTrue(cookies.get(0).startsWith(accessCookiePrefix), cookies.get(0));
        assertTrue(cookies.get(0).endsWith("; HttpOnly; SameSite=Lax"), cookies.get(0));
        assertTrue(cookies.get(1).startsWith("refresh_token="), cookies.get(1));
        assertTrue(cookies.get(1).contains("; Max-Age=2592; "), cookies.get(1));
    }

    @Test
    void accessTokenCarriesClaims() throws IOException {
        String token = api.loginDemo();

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = ApiClient.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = ApiClient.MAPPER.readTree(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("HS256", header.get("alg").asText());
        assertEquals(List.of("userId", "email", "firstName", "lastName", "organizationName", "planTier", "role",
                "permissions", "hierarchyLevel", "iat", "exp", "iss"), fieldNames(claims));
        assertEquals("autoblog-api", claims.get("iss").asText());
        assertEquals(Duration.ofDays(7).toSeconds(), claims.get("exp").asLong() - claims.get("iat").asLong());
    }

    @Test
    void loginRejectsWrongPassword() throws IOException {
        ApiClient.JsonResponse response = api.post("/api/v1/auth/login", null,
                "{\"email\":\"demo@example.test\",\"password\":\"wrong\"}");

        assertEquals(401, response.status());
        assertEquals("{\"error\":\"Invalid email or password\",\"message\":\"Invalid email or password\"}",
                response.text());
    }

    @Test
    void loginRejectsMissingFields() throws IOException {
        ApiClient.JsonResponse noPassword = api.post("/api/v1/auth/login", null, "{\"email\":\"demo@example.test\"}");
        ApiClient.JsonResponse empty = api.post("/api/v1/auth/login", null, "{}");

        assertEquals(400, noPassword.status());
        assertEquals("Missing credentials", noPassword.json().get("error").asText());
        assertEquals(400, empty.status());
        assertEquals("Missing credentials", empty.json().get("error").asText());
    }

    @Test
    void malformedJsonGives400() throws IOException {
        ApiClient.JsonResponse response = api.post("/api/v1/auth/login", null, "{\"email\":");

        assertEquals(400, response.status());
        assertEquals("Invalid JSON format", response.json().get("error").asText());
        assertTrue(response.json().has("message"));
    }

    @Test
    void meReturnsUserWithLastLogin() throws IOException {
        String token = api.loginDemo();

        ApiClient.JsonResponse response = api.get("/api/v1/auth/me", token);

        assertEquals(200, response.status());
        assertTrue(response.json().get("success").asBoolean());
        assertEquals("demo@example.test", response.json().at("/user/email").asText());
        assertFalse(response.json().at("/user/lastLoginAt").isNull());
        assertFalse(response.json().at("/user/firstLoginAt").isNull());
    }

    @Test
    void meRejectsMissingAndExpiredTokens() throws IOException {
        String expired = backend.issueAccessToken(DemoBackend.DEMO_EMAIL, Duration.ofSeconds(-5));

        ApiClient.JsonResponse missing = api.get("/api/v1/auth/me", null);
        ApiClient.JsonResponse rejected = api.get("/api/v1/auth/me", expired);
        ApiClient.JsonResponse forged = api.get("/api/v1/auth/me", forge(api.loginDemo()));

        assertEquals(401, missing.status());
        assertEquals("{\"error\":\"Access denied\",\"message\":\"No token provided\"}", missing.text());
        assertEquals(401, rejected.status());
        assertEquals("{\"error\":\"Access denied\",\"message\":\"Invalid or expired token\"}", rejected.text());
        assertEquals(401, forged.status());
    }

    @Test
    void expiredTokenIsAnonymousOnJobs() throws IOException {
        String expired = backend.issueAccessToken(DemoBackend.DEMO_EMAIL, Duration.ofSeconds(-5));
        String jobId = backend.seedJobIds().get(0);

        ApiClient.JsonResponse status = api.get("/api/v1/jobs/" + jobId + "/status", expired);
        ApiClient.JsonResponse audiences = api.get("/api/v1/audiences", expired);

        assertEquals(401, status.status());
        assertEquals(UNAUTHORIZED_BODY, status.text());
        assertEquals(401, audiences.status());
        assertEquals(UNAUTHORIZED_BODY, audiences.text());
    }

    @Test
    void refreshIssuesNewPairFromBodyOrCookie() throws IOException {
        ApiClient.JsonResponse login = api.post("/api/v1/auth/login", null,
                "{\"email\":\"demo@example.test\",\"password\":\"demo1234\"}");
        String refreshToken = login.json().get("refreshToken").asText();

        ApiClient.JsonResponse fromBody = api.post("/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + refreshToken + "\"}");
        ApiClient.JsonResponse fromCookie = api.execute(new Request.Builder()
                .url(backend.baseUrl() + "/api/v1/auth/refresh")
                .header("Cookie", "refresh_token=" + refreshToken)
                .post(RequestBody.create(new byte[0]))
                .build());

        assertEquals(200, fromBody.status(), fromBody.text());
        assertEquals(List.of("success", "message", "accessToken", "refreshToken", "expiresIn"),
                fieldNames(fromBody.json()));
        assertEquals(200, api.get("/api/v1/auth/me", fromBody.json().get("accessToken").asText()).status());
        assertEquals(200, fromCookie.status(), fromCookie.text());
    }

    @Test
    void refreshRejectsMissingInvalidAndAccessTokens() throws IOException {
        String accessToken = api.loginDemo();

        ApiClient.JsonResponse missing = api.post("/api/v1/auth/refresh", null, "{}");
        ApiClient.JsonResponse invalid = api.post("/api/v1/auth/refresh", null, "{\"refreshToken\":\"abc.def.ghi\"}");
        ApiClient.JsonResponse access = api.post("/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + accessToken + "\"}");

        assertEquals(400, missing.status());
        assertEquals("Missing refresh token", missing.json().get("error").asText());
        assertEquals(401, invalid.status());
        assertEquals("{\"error\":\"Invalid refresh token\",\"message\":\"Invalid refresh token\"}", invalid.text());
        assertEquals(401, access.status());
    }

    @Test
    void refreshTokenIsNotAnAccessToken() throws IOException {
        ApiClient.JsonResponse login = api.post("/api/v1/auth/login", null,
                "{\"email\":\"demo@example.test\",\"password\":\"demo1234\"}");

        ApiClient.JsonResponse response = api.get("/api/v1/auth/me", login.json().get("refreshToken").asText());

        assertEquals(401, response.status());
    }

    @Test
    void unknownRouteGives404WithMethodAndPath() throws IOException {
        ApiClient.JsonResponse response = api.get("/api/v1/nothing?token=secret", null);

        assertEquals(404, response.status());
        assertEquals("{\"error\":\"Endpoint not found\",\"method\":\"GET\",\"path\":\"/api/v1/nothing\"}",
                response.text());
    }

    @Test
    void healthReturns200() throws IOException {
        ApiClient.JsonResponse response = api.get("/health", null);

        assertEquals(200, response.status());
        assertNull(response.headers().get("RateLimit-Limit"));
        assertNotEquals(null, response.json());
    }

    /** Changes the last signature character, so the token no longer verifies. */
    /**
     * Changes the first character of the signature. The last one may carry only padding bits,
     * so changing it can leave the decoded signature, and the token, valid.
     */
    private static String forge(String token) {
        int start = token.lastIndexOf('.') + 1;
        char first = token.charAt(start);
        return token.substring(0, start) + (first == 'A' ? 'B' : 'A') + token.substring(start + 1);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
