package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final String TOO_MANY = "{\"error\":\"Too many requests from this IP, please try again later.\"}";
    private static final int BUDGET = 5;

    private DemoBackend backend;
    private ApiClient api;

    @BeforeEach
    void startBackend() throws IOException {
        // At real time, so the 60 s window cannot pass during a test.
        backend = DemoBackend.start(DemoConfig.builder()
                .seedData(false)
                .autoJobs(false)
                .rateLimit(new RateLimit(BUDGET, Duration.ofSeconds(60)))
                .build());
        api = new ApiClient(backend.baseUrl());
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void responsesCarryRateLimitHeaders() throws IOException {
        ApiClient.JsonResponse first = api.get("/api/v1/audiences", null);
        ApiClient.JsonResponse second = api.get("/api/v1/nothing", null);

        assertEquals("5;w=60", first.headers().get("RateLimit-Policy"));
        assertEquals("5", first.headers().get("RateLimit-Limit"));
        assertEquals("4", first.headers().get("RateLimit-Remaining"));
        assertEquals("60", first.headers().get("RateLimit-Reset"));
        assertEquals("3", second.headers().get("RateLimit-Remaining"));
        assertNull(first.headers().get("Retry-After"));
    }

    @Test
    void spentBudgetGives429WithRetryAfter() throws IOException {
        for (int i = 0; i < BUDGET; i++) {
            assertEquals(401, api.get("/api/v1/audiences", null).status());
        }

        ApiClient.JsonResponse limited = api.get("/api/v1/audiences", null);

        assertEquals(429, limited.status());
        assertEquals(TOO_MANY, limited.text());
        assertEquals("0", limited.headers().get("RateLimit-Remaining"));
        int retryAfter = Integer.parseInt(limited.headers().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(limited.headers().get("RateLimit-Reset"), limited.headers().get("Retry-After"));
    }

    @Test
    void healthIsNotCounted() throws IOException {
        for (int i = 0; i < BUDGET + 2; i++) {
            assertEquals(200, api.get("/health", null).status());
        }

        ApiClient.JsonResponse response = api.get("/api/v1/audiences", null);

        assertEquals("4", response.headers().get("RateLimit-Remaining"));
    }

    @Test
    void streamOpenCostsOneAndSpentBudgetRefusesStream() throws IOException {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        String jobId = backend.createJob(List.of(audience), JobOutcome.SUCCESS, ProgressProfile.CURRENT);
        String token = api.loginDemo();

        try (RawHttpClient stream = new RawHttpClient(backend.port())) {
            stream.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
            RawHttpClient.Head head = stream.head();
            stream.awaitText("event: connected\n");
            assertEquals(200, head.status());
            assertEquals("3", head.header("RateLimit-Remaining"));
            assertTrue(head.text().startsWith("HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\nRateLimit-Policy: 5;w=60\r\n"
                    + "RateLimit-Limit: 5\r\nRateLimit-Remaining: 3\r\nRateLimit-Reset: "), head.text());
            api.get("/api/v1/jobs/" + jobId + "/status", token);
            api.get("/api/v1/jobs/" + jobId + "/status", token);
            api.get("/api/v1/jobs/" + jobId + "/status", token);

            try (RawHttpClient refused = new RawHttpClient(backend.port())) {
                refused.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
                assertEquals(429, refused.head().status());
                assertEquals(TOO_MANY, refused.fixedBody());
                assertTrue(refused.head().header("Retry-After") != null);
            }
        }
    }

    @Test
    void windowScalesWithTimeFactor() throws IOException {
        backend.close();
        backend = DemoBackend.start(DemoConfig.builder()
                .seedData(false)
                .autoJobs(false)
                .timeFactor(0.01)
                .rateLimit(RateLimit.production())
                .build());
        api = new ApiClient(backend.baseUrl());

        ApiClient.JsonResponse response = api.get("/api/v1/audiences", null);

        assertEquals("200;w=9", response.headers().get("RateLimit-Policy"));
        assertEquals("199", response.headers().get("RateLimit-Remaining"));
    }
}
