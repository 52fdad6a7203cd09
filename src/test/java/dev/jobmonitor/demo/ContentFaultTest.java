package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks each content fault on the wire, through a raw socket and a standard SSE parser. */
class ContentFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** The events of a current-profile job whose stream opens while it is queued. */
    private static final List<String> CURRENT_EVENTS = List.of("connected", "progress-update",
            "step-change", "progress-update", "progress-update", "progress-update", "complete");
    private static final String QUEUED_SNAPSHOT =
            "{\"progress\":0,\"currentStep\":null,\"estimatedTimeRemaining\":null}";

    private static DemoBackend backend;
    private static ApiClient api;
    private static String token;

    @BeforeAll
    static void startBackend() throws IOException {
        // A job waits 0.1 s in the queue and runs 0.2 s; keepalives come every 150 ms.
        backend = DemoBackend.start(DemoConfig.builder()
                .timeFactor(0.01)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(10))
                .jobDuration(Duration.ofSeconds(20), Duration.ofSeconds(20))
                .build());
        api = new ApiClient(backend.baseUrl());
        token = api.loginDemo();
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
    void malformedJsonCutsFirstProgressUpdate() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).contentFault(ContentFault.malformedJson());

        List<SseParser.Event> progress = progressEvents(streamUntilComplete(jobId));

        String cut = progress.get(0).data();
        assertEquals(QUEUED_SNAPSHOT.substring(0, QUEUED_SNAPSHOT.length() / 2), cut);
        assertThrows(JsonProcessingException.class, () -> ApiClient.MAPPER.readTree(cut));
        assertEquals(5, json(progress.get(1)).get("progress").asInt(), "later events are intact");
    }

    @Test
    void unknownEventsSurroundKnownOnes() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).contentFault(ContentFault.unknownEvents());

        List<SseParser.Event> events = SseParser.parse(streamUntilComplete(jobId));

        assertEquals(List.of("connected", "message", "job-heartbeat", "progress-update",
                "job-heartbeat", "step-change", "job-heartbeat", "progress-update", "job-heartbeat",
                "progress-update", "job-heartbeat", "progress-update", "job-heartbeat", "complete"),
                types(events));
        assertEquals(jobId, json(events.get(1)).get("jobId").asText());
        assertEquals(jobId, json(events.get(2)).get("jobId").asText());
    }

    @Test
    void eventsAfterConnectedAreDuplicated() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).contentFault(ContentFault.duplicateEvents());

        String body = streamUntil(jobId, text -> text.split("event: complete\n", -1).length == 3);
        List<SseParser.Event> events = SseParser.parse(body);

        assertEquals(List.of("connected", "progress-update", "progress-update", "step-change",
                "step-change", "progress-update", "progress-update", "progress-update",
                "progress-update", "progress-update", "progress-update", "complete", "complete"),
                types(events));
        for (int i = 1; i < events.size(); i += 2) {
            assertEquals(events.get(i), events.get(i + 1), "event " + i + " and its copy");
        }
    }

    @Test
    void clientCloseEndsHealthyStream() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);

        try (RawHttpClient client = openStream(jobId)) {
            client.awaitText("event: connected\n");
            client.shutdownOutput();

            assertTrue(client.closesWithin(WAIT), "the server ends the stream");
            assertFalse(client.decoded().text().contains("event: complete"));
        }
    }

    @Test
    void writeAfterCloseReachesTerminalEvent() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).contentFault(ContentFault.writeAfterClientClose());

        try (RawHttpClient client = openStream(jobId)) {
            client.awaitText("event: connected\n");
            client.shutdownOutput();

            String body = client.awaitText("event: complete\n").text();
            assertTrue(body.contains("event: step-change\n"), body);
            assertTrue(client.closesWithin(WAIT), "the server ends the stream after complete");
        }
    }

    @Test
    void staleEventFollowsSnapshotAfterRetry() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.JOB_FAILURE);
        backend.faults().onJob(jobId)
                .retryStaysQueued(true)
                .contentFault(ContentFault.staleEventOnReconnect());
        List<SseParser.Event> firstAttempt;
        try (RawHttpClient client = openStream(jobId)) {
            firstAttempt = progressEvents(client.awaitText("event: failed\n").text());
        }
        assertEquals(200, api.post("/api/v1/jobs/" + jobId + "/retry", token, "").status());

        try (RawHttpClient client = openStream(jobId)) {
            String body = client.awaitBody(text -> SseParser.parse(text).size() >= 3, WAIT).text();
            List<SseParser.Event> events = SseParser.parse(body);

            assertEquals("progress-update", events.get(1).type());
            assertEquals(0, json(events.get(1)).get("progress").asInt(), "the snapshot of the retry");
            assertEquals(firstAttempt.get(firstAttempt.size() - 1), events.get(2));
            assertEquals(8, json(events.get(2)).get("progress").asInt(), "the stale event");
        }
    }

    @Test
    void progressGoesDownAfterEachUpdate() throws IOException {
        String jobId = newJob(ProgressProfile.DOCUMENTED, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).contentFault(ContentFault.progressGoesDown());

        List<Integer> progress = progressEvents(streamUntilComplete(jobId)).stream()
                .map(event -> json(event).get("progress").asInt())
                .toList();

        assertEquals(List.of(0, 5, 5, 23, 11, 41, 20, 59, 29, 77, 38, 100, 50), progress);
    }

    @Test
    void nullAndMissingFieldsReachEveryEvent() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).contentFault(ContentFault.nullAndMissingFields());

        List<SseParser.Event> events = SseParser.parse(streamUntilComplete(jobId));

        JsonNode connected = json(events.get(0));
        assertFalse(connected.has("maxAgeSeconds"));
        assertFalse(connected.has("hint"));
        assertEquals(jobId, connected.get("jobId").asText());
        List<JsonNode> steps = events.subList(1, events.size() - 1).stream().map(this::json).toList();
        assertEquals(5, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            assertFalse(step.has("currentStep"), step.toString());
            assertFalse(step.has("estimatedTimeRemaining"), step.toString());
            assertEquals(i % 2 == 1, step.get("progress").isNull(), "progress of step " + i);
        }
        assertEquals("{\"result\":null}", events.get(events.size() - 1).data());
    }

    @Test
    void largeEventPadsFirstProgressUpdate() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).contentFault(ContentFault.largeEvent());

        List<SseParser.Event> progress = progressEvents(streamUntilComplete(jobId));

        String data = progress.get(0).data();
        assertEquals(256 * 1024, data.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(0, json(progress.get(0)).get("progress").asInt());
        assertTrue(json(progress.get(0)).get("padding").asText().matches("x+"));
        assertFalse(json(progress.get(1)).has("padding"), "only the first event is padded");
    }

    @Test
    void commentsGoBetweenEventsAndLines() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).contentFault(ContentFault.comments());

        String body = streamUntilComplete(jobId);

        assertEquals(CURRENT_EVENTS, SseParser.types(body));
        assertEquals(CURRENT_EVENTS.size(), count(body, ": demo comment between events\n\nevent: "));
        assertEquals(CURRENT_EVENTS.size(), count(body, "\n: demo comment between lines\ndata: "));
    }

    @ParameterizedTest
    @EnumSource(LineEnding.class)
    void everyLineEndingParsesToSameEvents(LineEnding ending) throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).lineEnding(ending);

        String body = streamUntilComplete(jobId);

        assertEquals(CURRENT_EVENTS, SseParser.types(body));
        boolean crlf = body.contains("\r\n");
        boolean loneLf = body.replace("\r\n", "").contains("\n");
        boolean loneCr = body.replace("\r\n", "").contains("\r");
        assertEquals(ending == LineEnding.CRLF || ending == LineEnding.MIXED, crlf, "CRLF");
        assertEquals(ending == LineEnding.LF || ending == LineEnding.MIXED, loneLf, "lone LF");
        assertEquals(ending == LineEnding.CR || ending == LineEnding.MIXED, loneCr, "lone CR");
    }

    @Test
    void jobLineEndingOverridesGlobalOne() throws IOException {
        String plain = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        String other = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().global().lineEnding(LineEnding.CR);
        backend.faults().onJob(plain).lineEnding(LineEnding.LF);

        String plainBody = streamUntilComplete(plain);
        String otherBody = streamUntilComplete(other);

        assertFalse(plainBody.contains("\r"), plainBody);
        assertFalse(otherBody.contains("\n"), otherBody);
    }

    @Test
    void chunkBoundariesFallAtGivenOffsets() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).chunking(Chunking.atOffsets(1, 3, 50, 51, 300));

        try (RawHttpClient client = openStream(jobId)) {
            List<Long> boundaries = boundaries(client.awaitText("event: complete\n").chunkSizes());

            assertTrue(boundaries.containsAll(List.of(1L, 3L, 50L, 51L, 300L)), boundaries.toString());
            assertEquals(6L, boundaries.get(2), "the end of : ok still ends a chunk");
        }
    }

    @Test
    void oneByteChunkingSendsEveryByteAlone() throws IOException {
        String jobId = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().onJob(jobId).chunking(Chunking.oneByte());

        try (RawHttpClient client = openStream(jobId)) {
            RawHttpClient.Chunked body = client.awaitBody(
                    text -> SseParser.types(text).contains("complete"), WAIT);

            assertTrue(body.chunkSizes().stream().allMatch(size -> size == 1), body.chunkSizes().toString());
            assertEquals(CURRENT_EVENTS, SseParser.types(body.text()));
        }
    }

    @Test
    void randomChunkingRepeatsForSameSeed() throws IOException {
        String first = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        String second = newJob(ProgressProfile.CURRENT, JobOutcome.SUCCESS);
        backend.faults().global().chunking(Chunking.random(42, 16));

        List<Integer> firstSizes;
        List<Integer> secondSizes;
        try (RawHttpClient a = openStream(first); RawHttpClient b = openStream(second)) {
            // The snapshot follows connected, so both bodies are longer than 150 bytes then.
            firstSizes = a.awaitText("event: progress-update\n").chunkSizes();
            secondSizes = b.awaitText("event: progress-update\n").chunkSizes();
        }

        // The first 150 bytes, : ok and most of connected, have the same length on both jobs.
        List<Long> firstStart = boundaries(firstSizes).stream().filter(offset -> offset < 150).toList();
        List<Long> secondStart = boundaries(secondSizes).stream().filter(offset -> offset < 150).toList();
        assertEquals(firstStart, secondStart);
        assertTrue(firstSizes.stream().allMatch(size -> size <= 16), firstSizes.toString());
        assertTrue(firstSizes.stream().distinct().count() > 1, firstSizes.toString());
    }

    private String newJob(ProgressProfile profile, JobOutcome outcome) {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        return backend.createJob(List.of(audience), outcome, profile);
    }

    private static RawHttpClient openStream(String jobId) throws IOException {
        RawHttpClient client = new RawHttpClient(backend.port());
        client.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
        assertEquals(200, client.head().status());
        return client;
    }

    /** Reads a stream until it has a {@code complete} event, whatever its line endings. */
    private static String streamUntilComplete(String jobId) throws IOException {
        return streamUntil(jobId, text -> SseParser.types(text).contains("complete"));
    }

    private static String streamUntil(String jobId, Predicate<String> condition) throws IOException {
        try (RawHttpClient client = openStream(jobId)) {
            return client.awaitBody(condition, WAIT).text();
        }
    }

    private static List<SseParser.Event> progressEvents(String body) {
        return SseParser.parse(body).stream()
                .filter(event -> event.type().equals("progress-update"))
                .toList();
    }

    private static List<String> types(List<SseParser.Event> events) {
        return events.stream().map(SseParser.Event::type).toList();
    }

    private JsonNode json(SseParser.Event event) {
        try {
            return ApiClient.MAPPER.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Event data is not JSON: " + event.data(), e);
        }
    }

    /** Returns the body offset after each chunk. */
    private static List<Long> boundaries(List<Integer> chunkSizes) {
        long[] offset = {0};
        return chunkSizes.stream().map(size -> offset[0] += size).toList();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
