package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String CONNECTED_PATTERN = "event: connected\ndata: \\{\"connectionId\":\"[0-9a-f-]{36}\","
            + "\"jobId\":\"%s\",\"maxAgeSeconds\":3,\"hint\":\"If stream closes before job completes, poll GET "
            + "/jobs/:jobId/status\"\\}";
    /** Progress and ETA of the documented phases of a three-strategy job, from the backend's formula. */
    private static final int[][] THREE_STRATEGY_PHASES = {
        {5, 86}, {11, 80}, {17, 75}, {23, 69}, {29, 64},
        {35, 59}, {41, 53}, {47, 48}, {53, 42}, {59, 37},
        {65, 31}, {71, 26}, {77, 21}, {83, 15}, {89, 10}};
    private static final List<String> PHASES = List.of("audience", "organization", "keywords", "generating", "saving");
    private static final List<String> PHASE_MESSAGES = List.of("Loading audience...",
            "Loading organization context...", "Loading SEO keywords...", "Generating 30-day content ideas with AI...",
            "Saving calendar...");

    private static final String COMPLETE_PROGRESS = "event: progress-update\ndata: {\"progress\":100,"
            + "\"currentStep\":\"Complete\",\"estimatedTimeRemaining\":null}";
    private static final String UNKNOWN_JOB = "0b7c4f7e-1d2a-4c3b-9a8e-5f6d7c8b9a0e";

    private DemoBackend backend;
    private ApiClient api;
    private String token;

    @BeforeEach
    void startBackend() throws IOException {
        // At 0.01 a job waits 0.3 s in the queue and runs 0.3 s; keepalives come every 150 ms.
        backend = DemoBackend.start(DemoConfig.builder()
                .timeFactor(0.01)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(30))
                .jobDuration(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .build());
        api = new ApiClient(backend.baseUrl());
        token = api.loginDemo();
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void documentedBundleStreamsEveryPhase() throws IOException {
        List<String> audiences = List.of(newAudience(), newAudience(), newAudience());
        String jobId = backend.createJob(audiences, JobOutcome.SUCCESS, ProgressProfile.DOCUMENTED);

        try (RawHttpClient client = openStream(jobId)) {
            String body = client.awaitText("event: complete\n").text();
            List<String> frames = SseFrames.withoutKeepalives(body);

            assertTrue(body.startsWith(": ok\n\nevent: connected\n"), body);
            assertTrue(frames.get(1).matches(String.format(CONNECTED_PATTERN, jobId)), frames.get(1));
            List<String> expected = new ArrayList<>(List.of(
                    ": ok",
                    frames.get(1),
                    progress("progress-update", "0,\"currentStep\":null,\"estimatedTimeRemaining\":null"),
                    progress("step-change", "0,\"currentStep\":null,\"estimatedTimeRemaining\":null"),
                    progress("progress-update", "5,\"currentStep\":\"Starting (3 strategies)...\","
                            + "\"estimatedTimeRemaining\":60")));
            for (int step = 0; step < THREE_STRATEGY_PHASES.length; step++) {
                expected.add(phaseFrame(step, audiences));
            }
            expected.add(COMPLETE_PROGRESS);
            assertEquals(expected, frames.subList(0, frames.size() - 1));
            JsonNode result = json(SseFrames.data(frames.get(frames.size() - 1))).get("result");
            assertEquals(List.of("success", "strategyCount", "succeeded", "failed", "results", "trendsFetched",
                    "trendsKeywordCount", "trendsFetchedCount"), AuthTest.fieldNames(result));
            assertEquals(3, result.get("succeeded").asInt());
            assertEquals(audiences.get(2), result.at("/results/2/strategyId").asText());
            assertEquals(30, result.at("/results/2/ideaCount").asInt());
        }
    }

    @Test
    void currentProfileStreamsTrendsEvent() throws IOException {
        String audience = newAudience();
        String jobId = backend.createJob(List.of(audience), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        try (RawHttpClient client = openStream(jobId)) {
            List<String> frames = SseFrames.withoutKeepalives(client.awaitText("event: complete\n").text());

            assertEquals(8, frames.size(), frames.toString());
            assertEquals(progress("progress-update", "0,\"currentStep\":null,\"estimatedTimeRemaining\":null"),
                    frames.get(2));
            assertEquals(progress("step-change", "0,\"currentStep\":null,\"estimatedTimeRemaining\":null"),
                    frames.get(3));
            assertEquals(progress("progress-update", "5,\"currentStep\":\"Generating 7-day content calendar...\","
                    + "\"estimatedTimeRemaining\":60"), frames.get(4));
            assertTrue(frames.get(5).matches("event: progress-update\ndata: \\{\"progress\":8,\"currentStep\":"
                    + "\"Fetching trending topics\\.\\.\\.\",\"estimatedTimeRemaining\":55,\"phase\":\"trends\","
                    + "\"trendsKeywordCount\":\\d+,\"trendsFetchedCount\":\\d+\\}"), frames.get(5));
            assertEquals(COMPLETE_PROGRESS, frames.get(6));
            JsonNode trends = json(SseFrames.data(frames.get(5)));
            JsonNode result = json(SseFrames.data(frames.get(7))).get("result");
            assertEquals(trends.get("trendsKeywordCount"), result.get("trendsKeywordCount"));
            assertEquals(trends.get("trendsFetchedCount"), result.get("trendsFetchedCount"));
        }
    }

    @Test
    void liveCompleteKeepsStreamOpenWithKeepalives() throws IOException {
        String jobId = backend.createJob(List.of(newAudience()), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        try (RawHttpClient client = openStream(jobId)) {
            client.awaitText("event: complete\n");
            RawHttpClient.Chunked after = client.awaitBody(
                    text -> SseFrames.keepalivesAfter(text, "event: complete") >= 2, WAIT);

            assertFalse(after.ended());
            assertFalse(client.endOfStream());
            assertTrue(after.text().endsWith("\n\n: keepalive\n\n"), after.text());
        }
    }

    @Test
    void finishedJobStreamEndsAfterTerminalEvent() throws IOException {
        String jobId = backend.createJob(List.of(newAudience()), JobOutcome.SUCCESS, ProgressProfile.CURRENT);
        awaitStatus(jobId, "succeeded");

        try (RawHttpClient client = openStream(jobId)) {
            RawHttpClient.Head head = client.head();
            RawHttpClient.Chunked body = client.awaitBody(text -> text.contains("event: complete\n"), WAIT);
            RawHttpClient.Chunked ended = client.readUntilQuiet(Duration.ofMillis(200));

            assertEquals("text/event-stream", head.header("Content-Type"));
            assertTrue(ended.ended(), "the server ends the response after the terminal snapshot");
            List<String> frames = SseFrames.all(ended.text());
            assertEquals(3, frames.size(), ended.text());
            assertEquals("complete", SseFrames.name(frames.get(2)));
            JsonNode result = json(SseFrames.data(frames.get(2))).get("result");
            // The snapshot comes from the stored row, whose keys are in PostgreSQL jsonb order.
            assertEquals(List.of("failed", "results", "success", "succeeded", "strategyCount", "trendsFetched",
                    "trendsFetchedCount", "trendsKeywordCount"), AuthTest.fieldNames(result));
            assertEquals(List.of("success", "ideaCount", "strategyId"), AuthTest.fieldNames(result.at("/results/0")));
            assertTrue(body.text().startsWith(": ok\n\n"));

            client.get("/health");
            assertEquals(200, client.head().status(), "the connection stays usable after the stream ends");
        }
    }

    @Test
    void streamHasExactHeaders() throws IOException {
        String jobId = backend.createJob(List.of(newAudience()), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        try (RawHttpClient client = openStream(jobId)) {
            String head = client.head().text();

            assertTrue(head.matches("HTTP/1\\.1 200 OK\r\nX-Powered-By: Express\r\nContent-Type: text/event-stream\r\n"
                    + "Cache-Control: no-cache, no-transform\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n"
                    + "Date: [^\r]+ GMT\r\nTransfer-Encoding: chunked\r\n\r\n"), head);
        }
    }

    @Test
    void cancelledJobStreamsFailedAndEnds() throws IOException {
        String jobId = backend.createJob(List.of(newAudience()), JobOutcome.SUCCESS, ProgressProfile.CURRENT);
        assertEquals(200, api.post("/api/v1/jobs/" + jobId + "/cancel", token, "").status());

        try (RawHttpClient client = openStream(jobId)) {
            RawHttpClient.Chunked body = client.awaitBody(text -> text.contains("event: failed\n"), WAIT);
            List<String> frames = SseFrames.all(client.readUntilQuiet(Duration.ofMillis(100)).text());

            assertEquals("event: failed\ndata: {\"error\":\"Cancelled\",\"errorCode\":null}", frames.get(2));
            assertTrue(client.decoded().ended(), body.text());
        }
    }

    @Test
    void everyStreamOnJobGetsEveryEvent() throws IOException {
        String jobId = backend.createJob(List.of(newAudience()), JobOutcome.SUCCESS, ProgressProfile.DOCUMENTED);

        try (RawHttpClient first = openStream(jobId); RawHttpClient second = openStream(jobId)) {
            List<String> firstFrames = SseFrames.withoutKeepalives(first.awaitText("event: complete\n").text());
            List<String> secondFrames = SseFrames.withoutKeepalives(second.awaitText("event: complete\n").text());

            assertEquals(firstFrames.subList(2, firstFrames.size()), secondFrames.subList(2, secondFrames.size()));
            // : ok, connected, snapshot, step-change, 5 %, five phases, 100 %, complete
            assertEquals(12, firstFrames.size(), firstFrames.toString());
        }
    }

    @Test
    void streamAcceptsTokenQueryParameter() throws IOException {
        String jobId = backend.createJob(List.of(newAudience()), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.get("/api/v1/jobs/" + jobId + "/stream?token=" + token);

            assertEquals(200, client.head().status());
            client.awaitText("event: connected\n");
        }
    }

    @Test
    void streamErrorsAreJsonBeforeStreaming() throws IOException {
        String jobId = backend.createJob(List.of(newAudience()), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        ApiClient.JsonResponse anonymous = api.get("/api/v1/jobs/" + jobId + "/stream", null);
        ApiClient.JsonResponse unknown = api.get("/api/v1/jobs/" + UNKNOWN_JOB + "/stream", token);
        ApiClient.JsonResponse notUuid = api.get("/api/v1/jobs/abc/stream", token);
        ApiClient.JsonResponse otherUser = api.get("/api/v1/jobs/" + jobId + "/stream",
                api.login(DemoBackend.OTHER_EMAIL, DemoBackend.OTHER_PASSWORD));

        assertEquals(401, anonymous.status());
        assertEquals("application/json; charset=utf-8", anonymous.headers().get("Content-Type"));
        assertEquals(404, unknown.status());
        assertEquals("{\"success\":false,\"error\":\"Not found\",\"message\":\"Job not found or access denied\"}",
                unknown.text());
        assertEquals(500, notUuid.status());
        assertEquals(404, otherUser.status());
    }

    @Test
    void trailingSlashStreamWorks() throws IOException {
        String jobId = backend.createJob(List.of(newAudience()), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.get("/api/v1/jobs/" + jobId + "/stream/", "Authorization: Bearer " + token);

            assertEquals(200, client.head().status());
            client.awaitText("event: connected\n");
        }
    }

    private RawHttpClient openStream(String jobId) throws IOException {
        RawHttpClient client = new RawHttpClient(backend.port());
        client.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token,
                "Accept: text/event-stream");
        assertEquals(200, client.head().status());
        return client;
    }

    private String newAudience() {
        return backend.createAudience(DemoBackend.DEMO_EMAIL, false);
    }

    private void awaitStatus(String jobId, String status) {
        Conditions.await("job " + jobId + " is " + status, WAIT,
                () -> backend.job(jobId).orElseThrow().status().equals(status));
    }

    private static String progress(String event, String fieldsAfterProgress) {
        return "event: " + event + "\ndata: {\"progress\":" + fieldsAfterProgress + "}";
    }

    private static String phaseFrame(int step, List<String> strategies) {
        int strategy = step / 5;
        int phase = step % 5;
        return progress("progress-update", THREE_STRATEGY_PHASES[step][0] + ",\"currentStep\":\"Strategy "
                + (strategy + 1) + " of 3: " + PHASE_MESSAGES.get(phase) + "\",\"estimatedTimeRemaining\":"
                + THREE_STRATEGY_PHASES[step][1] + ",\"phase\":\"" + PHASES.get(phase) + "\",\"strategyIndex\":"
                + strategy + ",\"strategyTotal\":3,\"strategyId\":\"" + strategies.get(strategy) + "\"");
    }

    private static JsonNode json(String text) throws IOException {
        return ApiClient.MAPPER.readTree(text);
    }
}
