package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.CalendarRequest;
import dev.jobmonitor.api.model.CalendarStrategy;
import dev.jobmonitor.api.model.JobStatus;
import dev.jobmonitor.api.model.LoginResponse;
import dev.jobmonitor.api.model.ServerJobState;
import dev.jobmonitor.api.model.User;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** REST calls against recorded backend responses: requests sent, bodies parsed, errors mapped. */
class BackendClientTest extends BackendTestBase {
    private static final String JOB_ID = "d4e8e46f-868e-4396-b602-5a07e3666430";

    @Test
    void loginSendsCredentialsWithoutBearer() throws Exception {
        server.enqueue(Captures.exchange("login.headers.txt", "login.json"));

        LoginResponse login = await(client.login("user@example.test", "secret password"));

        assertEquals("user@example.test", login.user().email());
        assertEquals("Example Org", login.user().organizationName());
        assertEquals("<JWT>", login.accessToken());
        assertEquals("7d", login.expiresIn());
        RecordedRequest request = takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/api/v1/auth/login", request.getUrl().encodedPath());
        assertNull(request.getHeaders().get("Authorization"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        JsonNode body = Json.MAPPER.readTree(request.getBody().utf8());
        assertEquals("user@example.test", body.get("email").asText());
        assertEquals("secret password", body.get("password").asText());
    }

    @Test
    void loginRejectedCarriesServerMessage() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":\"Invalid email or password\",\"message\":\"Invalid email or password\"}")
                .build());

        UnauthorizedException error =
                awaitFailure(UnauthorizedException.class, client.login("user@example.test", "wrong"));

        assertEquals(401, error.status());
        assertEquals("Invalid email or password", error.getMessage());
    }

    @Test
    void noCookieSentAfterSetCookie() throws Exception {
        server.enqueue(Captures.exchange("login.headers.txt", "login.json"));
        server.enqueue(Captures.json(200, "status-running.json"));

        await(client.login("user@example.test", "secret password"));
        await(client.status(JOB_ID));

        takeRequest();
        RecordedRequest status = takeRequest();
        assertNull(status.getHeaders().get("Cookie"));
        assertEquals("Bearer " + TOKEN, status.getHeaders().get("Authorization"));
    }

    @Test
    void refreshSendsTokenInBodyWithoutBearer() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"success\":true,\"message\":\"Token refreshed\",\"accessToken\":\"a2\","
                        + "\"refreshToken\":\"r2\",\"expiresIn\":\"7d\"}")
                .build());

        LoginResponse refreshed = await(client.refresh("r1"));

        assertEquals("a2", refreshed.accessToken());
        assertEquals("r2", refreshed.refreshToken());
        assertNull(refreshed.user());
        RecordedRequest request = takeRequest();
        assertEquals("/api/v1/auth/refresh", request.getUrl().encodedPath());
        assertNull(request.getHeaders().get("Authorization"));
        assertEquals("r1", Json.MAPPER.readTree(request.getBody().utf8()).get("refreshToken").asText());
    }

    @Test
    void loginWithoutTokenIsInvalidResponse() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"success\":true}")
                .build());

        ApiException error = awaitFailure(ApiException.class, client.login("a@b.test", "pw"));

        assertEquals(200, error.status());
        assertEquals("Unexpected response from " + baseUrl + " (HTTP 200, missing field"
                + " 'accessToken'). Check that the URL points at the backend.",
                error.getMessage());
    }

    @Test
    void meUnwrapsUser() throws Exception {
        server.enqueue(Captures.json(200, "me.json"));

        User user = await(client.me());

        assertEquals("d28f4a85-fcd3-462b-8833-dd67bd1edd85", user.id());
        assertEquals("/api/v1/auth/me", takeRequest().getUrl().encodedPath());
    }

    @Test
    void unreachableServerFailsWithNetworkException() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        BackendClient offline = new BackendClient(closed, clients, () -> TOKEN, rateLimits::add);

        NetworkException error = awaitFailure(NetworkException.class, offline.status(JOB_ID));

        assertEquals("Cannot reach " + closed + ": connection refused", error.getMessage());
        assertEquals(0, error.status());
    }

    @Test
    void audiencesUnwrapListAndAskForHundred() throws Exception {
        server.enqueue(Captures.json(200, "audiences.json"));

        List<Audience> audiences = await(client.audiences());

        assertEquals(1, audiences.size());
        assertEquals("793a971d-9a18-4777-8c85-bcd446446ffc", audiences.get(0).id());
        assertEquals("Owners of small bakeries", audiences.get(0).displayName());
        RecordedRequest request = takeRequest();
        assertEquals("/api/v1/audiences", request.getUrl().encodedPath());
        assertEquals("100", request.getUrl().queryParameter("limit"));
    }

    @Test
    void audienceDetailCarriesRunningJobId() throws Exception {
        server.enqueue(Captures.json(200, "audience-detail-job-running.json"));

        Audience audience = await(client.audience("f01c15c3-1b67-4dc2-b6dd-9482e4f0f4e3"));

        assertEquals("8803bcf1-188e-4f1b-8f4a-0b1d36a0165c", audience.contentCalendarJobId());
        assertEquals("/api/v1/audiences/f01c15c3-1b67-4dc2-b6dd-9482e4f0f4e3",
                takeRequest().getUrl().encodedPath());
    }

    @Test
    void audienceDetailWithoutJobHasNoJobId() throws Exception {
        server.enqueue(Captures.json(200, "audience-detail-no-job.json"));

        Audience audience = await(client.audience("f01c15c3-1b67-4dc2-b6dd-9482e4f0f4e3"));

        assertNull(audience.contentCalendarJobId());
        takeRequest();
    }

    @Test
    void contentCalendarStrategiesUnwrapList() throws Exception {
        server.enqueue(Captures.json(200, "strategies-content-calendar.json"));

        List<CalendarStrategy> strategies = await(client.contentCalendarStrategies());

        assertEquals(1, strategies.size());
        assertEquals("793a971d-9a18-4777-8c85-bcd446446ffc", strategies.get(0).strategyId());
        assertEquals(30, strategies.get(0).contentIdeas().size());
        assertEquals("/api/v1/strategies/content-calendar", takeRequest().getUrl().encodedPath());
    }

    @Test
    void requestContentCalendarNewJobIsCreated() throws Exception {
        server.enqueue(Captures.json(201, "request-calendar.json"));

        CalendarRequest request = await(client.requestContentCalendar("aud-1"));

        assertEquals(JOB_ID, request.jobId());
        assertTrue(request.created());
        assertNull(request.message());
        RecordedRequest recorded = takeRequest();
        assertEquals("POST", recorded.getMethod());
        assertEquals("/api/v1/audiences/aud-1/request-content-calendar",
                recorded.getUrl().encodedPath());
        assertEquals("Bearer " + TOKEN, recorded.getHeaders().get("Authorization"));
    }

    @Test
    void requestContentCalendarRunningJobIsNotCreated() throws Exception {
        server.enqueue(Captures.json(200, "request-calendar-duplicate.json"));

        CalendarRequest request = await(client.requestContentCalendar("aud-1"));

        assertEquals("eaf98a4b-d565-4f96-b62e-2856d6adbf45", request.jobId());
        assertFalse(request.created());
        assertEquals("Content calendar job already in progress", request.message());
        takeRequest();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        "status-queued.json,               QUEUED,    0,   null,                                 null",
        "status-running.json,              RUNNING,   5,   Generating 7-day content calendar..., null",
        "status-running-before-cancel.json, RUNNING,  8,   Fetching trending topics...,          null",
        "status-after-cancel-request.json, RUNNING,   8,   Fetching trending topics...,          null",
        "status-succeeded.json,            SUCCEEDED, 100, null,                                 null",
        "status-succeeded-token-query.json, SUCCEEDED, 100, null,                                null",
        "status-aifail.json,               SUCCEEDED, 100, null,                                 null",
        "status-bundle-final.json,         SUCCEEDED, 100, null,                                 null",
        "status-failed.json,               FAILED,    100, Complete,                             Cancelled",
    })
    void statusParsesEveryRecordedState(String file, ServerJobState state, int progress,
                                        String currentStep, String error) throws Exception {
        server.enqueue(Captures.json(200, file));

        JobStatus status = await(client.status(JOB_ID));

        assertEquals(state, status.status());
        assertEquals(progress, status.progress());
        assertEquals(currentStep, status.currentStep());
        assertEquals(error, status.error());
        assertNull(status.errorCode());
        assertEquals(state == ServerJobState.SUCCEEDED, status.result() != null);
        assertEquals("/api/v1/jobs/" + JOB_ID + "/status", takeRequest().getUrl().encodedPath());
    }

    @Test
    void statusOfAiFailureKeepsStrategyFailures() throws Exception {
        server.enqueue(Captures.json(200, "status-aifail.json"));

        JobStatus status = await(client.status(JOB_ID));

        assertEquals(Boolean.FALSE, status.result().success());
        assertTrue(status.result().hasFailedStrategies());
        takeRequest();
    }

    @Test
    void jobIdIsOnePathSegment() throws Exception {
        server.enqueue(Captures.json(200, "status-running.json"));

        await(client.status("a b/c?d"));

        RecordedRequest request = takeRequest();
        assertEquals("/api/v1/jobs/a%20b%2Fc%3Fd/status", request.getUrl().encodedPath());
        assertNull(request.getUrl().query());
    }

    @Test
    void dotJobIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> client.status(".."));
        assertThrows(IllegalArgumentException.class, () -> client.retry("."));
        assertThrows(IllegalArgumentException.class, () -> client.openStream(" ", listener));
    }

    @Test
    void statusNotFoundCarriesServerMessage() throws Exception {
        server.enqueue(Captures.json(404, "stream-404.json"));

        NotFoundException error = awaitFailure(NotFoundException.class, client.status(JOB_ID));

        assertEquals("Job not found or access denied", error.getMessage());
        assertEquals("Not found", error.serverError());
    }

    @Test
    void statusOfBadBearerIsUnauthorized() throws Exception {
        server.enqueue(Captures.json(401, "status-badbearer.json"));

        awaitFailure(UnauthorizedException.class, client.status(JOB_ID));
    }

    @Test
    void serverErrorKeepsErrorAndMessage() throws Exception {
        server.enqueue(Captures.exchange("status-nonuuid-abc.headers.txt", "status-nonuuid-abc.json"));

        ApiException error = awaitFailure(ApiException.class, client.status("abc"));

        assertEquals(500, error.status());
        assertEquals("Failed to process request", error.serverError());
        assertEquals("Server error (HTTP 500): invalid input syntax for type uuid: \"abc\"",
                error.getMessage());
        assertEquals(new RateLimitStatus(100000, 99842, Duration.ofSeconds(582), null),
                takeRateLimit());
    }

    @Test
    void errorWithoutMessageUsesErrorField() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(500)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":\"Failed to fetch content calendar\"}")
                .build());

        ApiException error = awaitFailure(ApiException.class, client.contentCalendarStrategies());

        assertEquals("Server error (HTTP 500): Failed to fetch content calendar", error.getMessage());
    }

    @Test
    void nonJsonErrorUsesStatusCode() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Content-Type", "text/html")
                .body("<html>Service Unavailable</html>")
                .build());

        ApiException error = awaitFailure(ApiException.class, client.status(JOB_ID));

        assertEquals(503, error.status());
        assertNull(error.serverError());
        assertEquals("HTTP 503", error.getMessage());
    }

    @Test
    void nonJsonSuccessIsInvalidResponse() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "text/html")
                .body("<html>Captive portal</html>")
                .build());

        ApiException error = awaitFailure(ApiException.class, client.status(JOB_ID));

        assertEquals(200, error.status());
        assertTrue(error.getMessage().startsWith("Unexpected response from " + baseUrl
                + " (HTTP 200, not the expected JSON)"),
                error.getMessage());
    }

    @Test
    void retrySendsPostWithBearer() throws Exception {
        server.enqueue(Captures.json(200, "retry.json"));

        await(client.retry("eaf98a4b-d565-4f96-b62e-2856d6adbf45"));

        RecordedRequest request = takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/api/v1/jobs/eaf98a4b-d565-4f96-b62e-2856d6adbf45/retry",
                request.getUrl().encodedPath());
        assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
        assertEquals(0, request.getBodySize());
    }

    @Test
    void retryOfJobNotFailedIsBadRequest() throws Exception {
        server.enqueue(Captures.json(400, "retry-not-failed.json"));

        ApiException error = awaitFailure(ApiException.class, client.retry(JOB_ID));

        assertEquals(400, error.status());
        assertEquals("Bad request", error.serverError());
        assertEquals("Job is not in failed state", error.getMessage());
    }

    @Test
    void cancelSendsPost() throws Exception {
        server.enqueue(Captures.json(200, "cancel.json"));

        await(client.cancel(JOB_ID));

        RecordedRequest request = takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/api/v1/jobs/" + JOB_ID + "/cancel", request.getUrl().encodedPath());
    }

    @Test
    void rateLimitedCarriesRetryAfterAndReportsStatus() throws Exception {
        server.enqueue(Captures.exchange("rl-429.headers.txt", "rl-429.json"));

        RateLimitedException error = awaitFailure(RateLimitedException.class, client.audiences());

        assertEquals(429, error.status());
        assertEquals(Duration.ofSeconds(41), error.retryAfter());
        assertEquals("Too many requests from this IP, please try again later.", error.getMessage());
        assertEquals(new RateLimitStatus(50, 0, Duration.ofSeconds(41), Duration.ofSeconds(41)),
                takeRateLimit());
    }

    @Test
    void rateLimitedWithoutRetryAfterWaitsSixtySeconds() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .body("{\"error\":\"Too many requests\"}")
                .build());

        RateLimitedException error = awaitFailure(RateLimitedException.class, client.status(JOB_ID));

        assertEquals(Duration.ofSeconds(60), error.retryAfter());
    }

    @Test
    void successReportsRateLimitHeaders() throws Exception {
        server.enqueue(Captures.exchange("rl-audiences-get.headers.txt", "rl-audiences-get.json"));

        List<Audience> audiences = await(client.audiences());

        assertFalse(audiences.isEmpty());
        assertEquals(new RateLimitStatus(50, 49, Duration.ofSeconds(60), null), takeRateLimit());
    }

    @Test
    void missingTokenSendsNoAuthorization() throws Exception {
        BackendClient anonymous = new BackendClient(baseUrl, clients, () -> null, rateLimits::add);
        server.enqueue(Captures.json(401, "status-badbearer.json"));

        awaitFailure(UnauthorizedException.class, anonymous.status(JOB_ID));

        assertNull(takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void tokenIsReadForEveryRequest() throws Exception {
        String[] token = {"first"};
        BackendClient rotating = new BackendClient(baseUrl, clients, () -> token[0], rateLimits::add);
        server.enqueue(Captures.json(200, "status-running.json"));
        server.enqueue(Captures.json(200, "status-running.json"));

        await(rotating.status(JOB_ID));
        token[0] = "second";
        await(rotating.status(JOB_ID));

        assertEquals("Bearer first", takeRequest().getHeaders().get("Authorization"));
        assertEquals("Bearer second", takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void cancellingFutureCancelsCall() throws Exception {
        ScriptedSseBody neverEnding = enqueueScriptedStream();

        CompletableFuture<JobStatus> status = client.status(JOB_ID);
        takeRequest();
        status.cancel(true);

        awaitCondition("REST call cancelled",
                () -> clients.rest().dispatcher().runningCallsCount() == 0);
        neverEnding.end();
    }
}
