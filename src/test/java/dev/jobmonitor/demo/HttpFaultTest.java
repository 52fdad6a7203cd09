package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks HTTP, not-found, token, request-budget and retry faults through real requests. */
class HttpFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String NOT_FOUND_BODY =
            "{\"success\":false,\"error\":\"Not found\",\"message\":\"Job not found or access denied\"}";
    private static final String INVALID_REFRESH_BODY =
            "{\"error\":\"Invalid refresh token\",\"message\":\"Invalid refresh token\"}";

    private static DemoBackend backend;
    private static ApiClient api;
    private String token;
    private String refreshToken;

    @BeforeAll
    static void startBackend() throws IOException {
        // A job waits 0.1 s in the queue and runs 0.2 s.
        backend = DemoBackend.start(DemoConfig.builder()
                .timeFactor(0.01)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(10))
                .jobDuration(Duration.ofSeconds(20), Duration.ofSeconds(20))
                .build());
        api = new ApiClient(backend.baseUrl());
    }

    /** Logs in for each test, because token faults invalidate every earlier token. */
    @BeforeEach
    void logIn() throws IOException {
        JsonNode login = logInDemo();
        token = login.get("accessToken").asText();
        refreshToken = login.get("refreshToken").asText();
    }

    @AfterEach
    void clearFaults() {
        backend.faults().clear();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void statusFaultRespondsToNextRequests() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).httpFault(JobRoute.STATUS, 503, 2);

        ApiClient.JsonResponse first = status(jobId);
        ApiClient.JsonResponse second = status(jobId);
        ApiClient.JsonResponse third = status(jobId);

        assertEquals(503, first.status());
        assertEquals("{\"success\":false,\"error\":\"Service unavailable\","
                + "\"message\":\"Service temporarily unavailable\"}", first.text());
        assertEquals(503, second.status());
        assertEquals(200, third.status());
    }

    @Test
    void status500HasJobRouteErrorBody() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).httpFault(JobRoute.STATUS, 500, 1);

        ApiClient.JsonResponse response = status(jobId);

        assertEquals(500, response.status());
        assertEquals("{\"success\":false,\"error\":\"Failed to process request\","
                + "\"message\":\"Connection terminated due to connection timeout\"}", response.text());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void streamOpenFaultRejectsOneStream(int status) throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).httpFault(JobRoute.STREAM, status, 1);

        try (RawHttpClient rejected = new RawHttpClient(backend.port())) {
            rejected.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
            String body = rejected.fixedBody();

            assertEquals(status, rejected.head().status());
            boolean fromProxy = status == 502 || status == 504;
            String expectedType = fromProxy ? "text/plain" : "application/json";
            assertTrue(rejected.head().header("Content-Type").startsWith(expectedType),
                    rejected.head().text());
            if (fromProxy) {
                assertEquals(status == 502 ? "Bad Gateway" : "Gateway Timeout", body);
            }
        }
        try (RawHttpClient accepted = new RawHttpClient(backend.port())) {
            accepted.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
            assertEquals(200, accepted.head().status());
            accepted.awaitText("event: connected\n");
        }
    }

    @Test
    void globalHttpFaultCountsAcrossJobs() throws IOException {
        String first = newJob(JobOutcome.SUCCESS);
        String second = newJob(JobOutcome.SUCCESS);
        backend.faults().global().httpFault(JobRoute.STATUS, 500, 2);

        assertEquals(500, status(first).status());
        assertEquals(500, status(second).status());
        assertEquals(200, status(first).status());
    }

    @Test
    void jobHttpFaultComesBeforeGlobal() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        backend.faults().global().httpFault(JobRoute.STATUS, 502, 1);
        backend.faults().onJob(jobId).httpFault(JobRoute.STATUS, 503, 1);

        assertEquals(503, status(jobId).status());
        assertEquals(502, status(jobId).status());
        assertEquals(200, status(jobId).status());
    }

    @Test
    void cancelRouteTakesHttpFault() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).httpFault(JobRoute.CANCEL, 503, 1);

        assertEquals(503, api.post("/api/v1/jobs/" + jobId + "/cancel", token, "").status());
        assertEquals(200, api.post("/api/v1/jobs/" + jobId + "/cancel", token, "").status());
    }

    @Test
    void httpFaultRejectsOtherStatusesAndCounts() {
        JobFaults faults = backend.faults().global();

        IllegalArgumentException notFound = assertThrows(IllegalArgumentException.class,
                () -> faults.httpFault(JobRoute.STATUS, 404, 1));
        assertThrows(IllegalArgumentException.class, () -> faults.httpFault(JobRoute.STATUS, 429, 1));
        assertThrows(IllegalArgumentException.class, () -> faults.httpFault(JobRoute.STATUS, 503, 0));
        assertEquals("HTTP fault status must be 500, 502, 503 or 504, was 404", notFound.getMessage());
    }

    @Test
    void clearDropsPendingHttpFaults() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).httpFault(JobRoute.STATUS, 503, 5);

        backend.faults().clear();

        assertEquals(200, status(jobId).status());
    }

    @Test
    void purgedJobGives404OnEveryRoute() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);

        backend.faults().onJob(jobId).purge();

        ApiClient.JsonResponse status = status(jobId);
        assertEquals(404, status.status());
        assertEquals(NOT_FOUND_BODY, status.text());
        assertEquals(404, api.get("/api/v1/jobs/" + jobId + "/stream", token).status());
        assertEquals(404, api.post("/api/v1/jobs/" + jobId + "/retry", token, "").status());
        assertEquals(404, api.post("/api/v1/jobs/" + jobId + "/cancel", token, "").status());
        assertTrue(backend.job(jobId).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> backend.faults().onJob(jobId));
        assertThrows(IllegalStateException.class, () -> backend.faults().global().purge());
    }

    @Test
    void notFoundForClearsAfterWindow() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);

        backend.faults().onJob(jobId).notFoundFor(Duration.ofMillis(300));

        ApiClient.JsonResponse hidden = status(jobId);
        assertEquals(404, hidden.status());
        assertEquals(NOT_FOUND_BODY, hidden.text());
        Conditions.awaitValue("status returns 200", WAIT, () -> statusCode(jobId), code -> code == 200);
    }

    @Test
    void globalNotFoundHidesOnlyYoungJobs() throws IOException {
        Duration window = Duration.ofMillis(300);
        String old = newJob(JobOutcome.SUCCESS);
        Instant oldCreated = backend.job(old).orElseThrow().createdAt();
        Conditions.await("the first job is older than the window", WAIT,
                () -> Instant.now().isAfter(oldCreated.plus(window)));
        backend.faults().global().notFoundFor(window);

        String young = newJob(JobOutcome.SUCCESS);

        assertEquals(200, status(old).status());
        assertEquals(404, status(young).status());
        assertEquals(404, api.get("/api/v1/jobs/" + young + "/stream", token).status(),
                "the stream route's short retries do not outlast the window");
        Conditions.awaitValue("status returns 200", WAIT, () -> statusCode(young), code -> code == 200);
    }

    @Test
    void refreshReplacesExpiredAccessToken() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        String expired = backend.issueAccessToken(DemoBackend.DEMO_EMAIL, Duration.ofSeconds(-5));

        ApiClient.JsonResponse rejected = api.get("/api/v1/jobs/" + jobId + "/status", expired);
        String refreshed = refresh(refreshToken).json().get("accessToken").asText();

        assertEquals(401, rejected.status());
        assertEquals(200, api.get("/api/v1/jobs/" + jobId + "/status", refreshed).status());
    }

    @Test
    void invalidatedAccessTokensNeedRefresh() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);

        backend.faults().invalidateAccessTokens();

        assertEquals(401, status(jobId).status());
        ApiClient.JsonResponse me = api.get("/api/v1/auth/me", token);
        assertEquals("{\"error\":\"Access denied\",\"message\":\"Invalid or expired token\"}", me.text());
        ApiClient.JsonResponse refreshed = refresh(refreshToken);
        assertEquals(200, refreshed.status(), refreshed.text());
        String newToken = refreshed.json().get("accessToken").asText();
        assertEquals(200, api.get("/api/v1/jobs/" + jobId + "/status", newToken).status());
    }

    @Test
    void invalidatedRefreshTokensForceLogin() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);

        backend.faults().invalidateRefreshTokens();

        ApiClient.JsonResponse rejected = refresh(refreshToken);
        assertEquals(401, rejected.status());
        assertEquals(INVALID_REFRESH_BODY, rejected.text());
        assertEquals(200, status(jobId).status(), "access tokens keep working");
        String newRefreshToken = logInDemo().get("refreshToken").asText();
        assertEquals(200, refresh(newRefreshToken).status(), "a new login can refresh");
    }

    @Test
    void rateLimitSwitchesAtRuntime() throws IOException {
        assertNull(api.get("/api/v1/audiences", token).headers().get("RateLimit-Policy"));

        backend.faults().rateLimit(RateLimit.production());
        ApiClient.JsonResponse production = api.get("/api/v1/audiences", token);
        backend.faults().rateLimit(new RateLimit(1, Duration.ofSeconds(60)));
        ApiClient.JsonResponse allowed = api.get("/api/v1/audiences", token);
        ApiClient.JsonResponse limited = api.get("/api/v1/audiences", token);
        backend.faults().rateLimit(null);
        ApiClient.JsonResponse unlimited = api.get("/api/v1/audiences", token);

        assertEquals("200;w=9", production.headers().get("RateLimit-Policy"), "scaled by 0.01");
        assertEquals("199", production.headers().get("RateLimit-Remaining"));
        assertEquals(200, allowed.status());
        assertEquals(429, limited.status());
        assertEquals(200, unlimited.status());
        assertNull(unlimited.headers().get("RateLimit-Policy"));
    }

    @Test
    void retryStaysQueuedPerJobAndGlobally() throws IOException {
        String stuck = newJob(JobOutcome.JOB_FAILURE);
        String runs = newJob(JobOutcome.JOB_FAILURE);
        awaitStatus(stuck, "failed");
        awaitStatus(runs, "failed");
        backend.faults().global().retryStaysQueued(true);
        backend.faults().onJob(runs).retryStaysQueued(false);

        assertEquals(200, api.post("/api/v1/jobs/" + stuck + "/retry", token, "").status());
        assertEquals(200, api.post("/api/v1/jobs/" + runs + "/retry", token, "").status());
        awaitStatus(runs, "succeeded");

        assertEquals("queued", backend.job(stuck).orElseThrow().status());
    }

    private String newJob(JobOutcome outcome) {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        return backend.createJob(List.of(audience), outcome, ProgressProfile.CURRENT);
    }

    private ApiClient.JsonResponse status(String jobId) throws IOException {
        return api.get("/api/v1/jobs/" + jobId + "/status", token);
    }

    private int statusCode(String jobId) {
        try {
            return status(jobId).status();
        } catch (IOException e) {
            throw new AssertionError("Status request failed", e);
        }
    }

    private static ApiClient.JsonResponse refresh(String refreshToken) throws IOException {
        return api.post("/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private static JsonNode logInDemo() throws IOException {
        ApiClient.JsonResponse login = api.post("/api/v1/auth/login", null,
                "{\"email\":\"" + DemoBackend.DEMO_EMAIL + "\",\"password\":\"" + DemoBackend.DEMO_PASSWORD + "\"}");
        assertEquals(200, login.status(), login.text());
        return login.json();
    }

    private static void awaitStatus(String jobId, String status) {
        Conditions.await("job " + jobId + " is " + status, WAIT,
                () -> backend.job(jobId).orElseThrow().status().equals(status));
    }
}
