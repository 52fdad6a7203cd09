package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamLifetimeTest {
    private DemoBackend backend;
    private String token;

    @BeforeEach
    void startBackend() throws IOException {
        // At 0.001: keepalives every 15 ms, stream-timeout at 240 ms, maximum age 250 ms, and a
        // queue delay of 10 s, so the job sends no events during the test.
        backend = DemoBackend.start(DemoConfig.builder()
                .timeFactor(0.001)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(10_000))
                .build());
        token = new ApiClient(backend.baseUrl()).loginDemo();
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void timeoutWarningThenSilenceWithSocketOpen() throws IOException {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        String jobId = backend.createJob(List.of(audience), JobOutcome.SUCCESS, ProgressProfile.CURRENT);
        long start = System.nanoTime();

        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
            client.awaitText("event: stream-timeout\n");
            long warnedAfterMillis = (System.nanoTime() - start) / 1_000_000;
            // Keepalives every 15 ms would end any quiet period before the maximum age.
            RawHttpClient.Chunked body = client.readUntilQuiet(Duration.ofMillis(150));
            int lengthAtQuiet = body.text().length();

            assertTrue(warnedAfterMillis >= 240, "stream-timeout after " + warnedAfterMillis + " ms");
            assertTrue(SseFrames.keepalivesAfter(body.text(), "event: stream-timeout") <= 1, body.text());
            assertTrue(SseFrames.keepalivesAfter(body.text(), ": ok") >= 10, body.text());
            String warning = "event: stream-timeout\ndata: {\"jobId\":\"" + jobId + "\",\"message\":\"Stream closing "
                    + "soon due to serverless limit; poll GET /jobs/:jobId/status for updates\"}\n\n";
            assertTrue(body.text().contains(warning), body.text());
            assertFalse(client.closesWithin(Duration.ofMillis(150)), "the socket stays open after the maximum age");
            assertEquals(lengthAtQuiet, client.decoded().text().length(), "nothing more is written");
            assertFalse(client.decoded().ended());
        }
    }

    @Test
    void connectedReportsScaledMaximumAge() throws IOException {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        String jobId = backend.createJob(List.of(audience), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
            String text = client.awaitText("\"hint\"").text();

            assertTrue(text.contains("\"maxAgeSeconds\":1,"), text);
        }
    }
}
