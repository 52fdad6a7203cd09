package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks that each scenario shows on the wire and draws the same faults for the same seed. */
class ScenarioTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Longer than two keepalive intervals (150 ms each), so silence means a stall. */
    private static final Duration STALL_SILENCE = Duration.ofMillis(400);

    private final List<DemoBackend> backends = new ArrayList<>();

    @AfterEach
    void stopBackends() {
        backends.forEach(DemoBackend::close);
    }

    @Test
    void parseAcceptsEveryNameIgnoringCase() {
        for (Scenario scenario : Scenario.values()) {
            assertEquals(scenario, Scenario.parse(scenario.id()));
            assertEquals(scenario, Scenario.parse(" " + scenario.id().toUpperCase(Locale.ROOT) + " "));
        }
    }

    @Test
    void parseRejectsUnknownNameListingNames() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DemoConfig.builder().scenario("flaky"));

        assertEquals("Unknown scenario 'flaky'; expected one of: none, flaky-streams, slow-status, "
                + "rate-limited, quirky, chaos", unknown.getMessage());
    }

    @Test
    void configSelectsScenarioByName() {
        assertEquals(Scenario.NONE, DemoConfig.defaults().scenario());
        assertEquals(Scenario.CHAOS, DemoConfig.builder().scenario("chaos").build().scenario());
        assertEquals(Scenario.CHAOS, DemoConfig.builder().scenario("chaos").build().toBuilder().build().scenario());
    }

    @Test
    void rateLimitedScenarioUsesProductionBudget() throws IOException {
        DemoBackend backend = start(Scenario.RATE_LIMITED, 1);
        ApiClient api = new ApiClient(backend.baseUrl());

        ApiClient.JsonResponse limited = api.get("/api/v1/audiences", null);
        backend.faults().clear();
        ApiClient.JsonResponse cleared = api.get("/api/v1/audiences", null);

        assertEquals("200;w=9", limited.headers().get("RateLimit-Policy"), "the window is scaled by 0.01");
        assertEquals("199", limited.headers().get("RateLimit-Remaining"));
        assertNull(cleared.headers().get("RateLimit-Policy"));
    }

    @Test
    void slowStatusRepeatsForSameSeed() throws IOException {
        List<Integer> first = statusCodes(start(Scenario.SLOW_STATUS, 7), 30);
        List<Integer> second = statusCodes(start(Scenario.SLOW_STATUS, 7), 30);

        assertEquals(first, second);
        assertTrue(first.contains(503), first.toString());
        assertTrue(first.contains(200), first.toString());
        assertTrue(first.stream().allMatch(code -> code == 200 || code == 503), first.toString());
    }

    @Test
    void scenarioSwitchesAtRuntimeAndClears() throws IOException {
        DemoBackend backend = start(Scenario.NONE, 7);
        String jobId = newJob(backend, ProgressProfile.CURRENT);
        String token = new ApiClient(backend.baseUrl()).loginDemo();

        backend.faults().scenario(Scenario.SLOW_STATUS);
        List<Integer> slow = statusCodes(backend, jobId, token, 30);
        backend.faults().clear();
        List<Integer> cleared = statusCodes(backend, jobId, token, 10);

        assertTrue(slow.contains(503), slow.toString());
        assertEquals(Collections.nCopies(10, 200), cleared);
        assertEquals(Scenario.NONE, backend.faults().scenario());
    }

    @Test
    void flakyStreamsBreakSomeStreams() throws IOException {
        DemoBackend backend = start(Scenario.FLAKY_STREAMS, 3);
        String jobId = newJob(backend, ProgressProfile.DOCUMENTED);
        String token = new ApiClient(backend.baseUrl()).loginDemo();

        List<RawHttpClient> streams = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                streams.add(openStream(backend, jobId, token));
            }
            for (RawHttpClient stream : streams) {
                outcomes.add(outcome(stream));
            }
        } finally {
            for (RawHttpClient stream : streams) {
                stream.close();
            }
        }

        assertTrue(outcomes.contains("complete"), outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(outcome -> !outcome.equals("complete")),
                outcomes.toString());
    }

    @Test
    void quirkyScenarioShapesEveryJobStream() throws IOException {
        DemoBackend backend = start(Scenario.QUIRKY, 5);
        String jobId = newJob(backend, ProgressProfile.CURRENT);
        String token = new ApiClient(backend.baseUrl()).loginDemo();

        String body;
        try (RawHttpClient stream = openStream(backend, jobId, token)) {
            body = stream.awaitBody(text -> Collections.frequency(SseParser.types(text), "complete") == 2,
                    WAIT).text();
        }
        List<String> types = SseParser.types(body);

        assertTrue(types.contains("job-heartbeat"), types.toString());
        assertTrue(types.contains("message"), types.toString());
        assertTrue(body.contains(": demo comment between lines"), body);
        String description = backend.faults().describe(jobId);
        assertTrue(description.contains("DUPLICATE_EVENTS"), description);
        assertTrue(description.contains("random chunks"), description);
    }

    @Test
    void chaosDrawsRepeatableMixPerJob() throws IOException {
        List<String> first = chaosDescriptions(start(Scenario.CHAOS, 11));
        List<String> second = chaosDescriptions(start(Scenario.CHAOS, 11));

        assertEquals(first, second);
        assertTrue(first.stream().distinct().count() > 1, "jobs get different faults: " + first);
    }

    private DemoBackend start(Scenario scenario, long seed) throws IOException {
        // A job waits 0.1 s in the queue and runs 0.3 s; keepalives come every 150 ms.
        DemoBackend backend = DemoBackend.start(DemoConfig.builder()
                .timeFactor(0.01)
                .seedData(false)
                .autoJobs(false)
                .randomSeed(seed)
                .queueDelay(Duration.ofSeconds(10))
                .jobDuration(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .scenario(scenario.id())
                .build());
        backends.add(backend);
        return backend;
    }

    private static String newJob(DemoBackend backend, ProgressProfile profile) {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        return backend.createJob(List.of(audience), JobOutcome.SUCCESS, profile);
    }

    private static List<Integer> statusCodes(DemoBackend backend, int count) throws IOException {
        String jobId = newJob(backend, ProgressProfile.CURRENT);
        return statusCodes(backend, jobId, new ApiClient(backend.baseUrl()).loginDemo(), count);
    }

    private static List<Integer> statusCodes(DemoBackend backend, String jobId, String token, int count)
            throws IOException {
        ApiClient api = new ApiClient(backend.baseUrl());
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(api.get("/api/v1/jobs/" + jobId + "/status", token).status());
        }
        return codes;
    }

    /** Describes the faults of six new jobs, in creation order. */
    private static List<String> chaosDescriptions(DemoBackend backend) {
        List<String> descriptions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            descriptions.add(backend.faults().describe(newJob(backend, ProgressProfile.CURRENT)));
        }
        return descriptions;
    }

    private static RawHttpClient openStream(DemoBackend backend, String jobId, String token)
            throws IOException {
        RawHttpClient client = new RawHttpClient(backend.port());
        client.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
        assertEquals(200, client.head().status());
        return client;
    }

    /** Reads a stream until it shows how it ends: complete, closed, reset or stalled. */
    private static String outcome(RawHttpClient stream) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            RawHttpClient.Chunked body = stream.decoded();
            if (body.text().contains("event: complete\n")) {
                return "complete";
            }
            if (stream.endOfStream() || body.ended()) {
                return "closed";
            }
            try {
                if (!stream.awaitMoreBytes(STALL_SILENCE)) {
                    return "stalled";
                }
            } catch (IOException e) {
                return "reset";
            }
        }
        return "no outcome within " + WAIT.toMillis() + " ms";
    }
}
