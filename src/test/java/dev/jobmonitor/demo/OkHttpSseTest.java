package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks that okhttp-sse, the app's stream client, parses demo streams and reports their faults. */
class OkHttpSseTest {
    private DemoBackend backend;
    private OkHttpClient http;
    private String token;
    private EventSource source;
    private final RecordingListener listener = new RecordingListener();

    /** Records every callback in order on a queue; called on OkHttp's reader thread. */
    private static final class RecordingListener extends EventSourceListener {
        final BlockingQueue<String> records = new LinkedBlockingQueue<>();
        final BlockingQueue<String> eventData = new LinkedBlockingQueue<>();

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            records.add("open " + response.code());
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            records.add("event " + type);
            eventData.add(data);
        }

        @Override
        public void onClosed(EventSource eventSource) {
            records.add("closed");
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable failure, Response response) {
            records.add("failure " + (failure == null ? "" : failure.getClass().getSimpleName()));
        }

        /** Returns the next record, failing the test if none arrives in time. */
        String next() throws InterruptedException {
            String record = records.poll(5, TimeUnit.SECONDS);
            assertNotNull(record, "no stream callback within 5 s");
            return record;
        }
    }

    @BeforeEach
    void startBackend() throws IOException {
        backend = DemoBackend.start(DemoConfig.builder()
                .timeFactor(0.01)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(20))
                .jobDuration(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .build());
        http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
        token = new ApiClient(backend.baseUrl()).loginDemo();
    }

    @AfterEach
    void stopBackend() {
        if (source != null) {
            source.cancel();
        }
        backend.close();
    }

    @Test
    void eventSourceReceivesEveryEvent() throws InterruptedException {
        String jobId = newJob();

        open(jobId);

        assertEquals("open 200", listener.next());
        List<String> expected = List.of("event connected", "event progress-update", "event step-change",
                "event progress-update", "event progress-update", "event progress-update", "event complete");
        for (String record : expected) {
            assertEquals(record, listener.next());
        }
    }

    @Test
    void finishedJobStreamCallsOnClosed() throws InterruptedException {
        String jobId = newJob();
        Conditions.await("job succeeded", Duration.ofSeconds(5),
                () -> backend.job(jobId).orElseThrow().status().equals("succeeded"));

        open(jobId);

        assertEquals("open 200", listener.next());
        assertEquals("event connected", listener.next());
        assertEquals("event complete", listener.next());
        assertEquals("closed", listener.next());
    }

    @Test
    void resetMidEventCallsOnFailure() throws InterruptedException {
        String jobId = newJob();
        backend.injectFault(jobId, StreamFault.resetMidEvent(2));

        open(jobId);

        assertEquals("open 200", listener.next());
        assertEquals("event connected", listener.next());
        assertEquals("event progress-update", listener.next());
        assertTrue(listener.next().startsWith("failure "));
    }

    @Test
    void closeBeforeTerminalCallsOnClosed() throws InterruptedException {
        String jobId = newJob();
        backend.injectFault(jobId, StreamFault.closeBeforeTerminal());

        open(jobId);

        String record = listener.next();
        while (!record.equals("closed")) {
            assertNotEquals("event complete", record);
            assertFalse(record.startsWith("failure"), record);
            record = listener.next();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"LF", "CRLF"})
    void eventSourceReadsChunkedLineEndings(LineEnding ending) throws InterruptedException {
        String jobId = newJob();
        backend.faults().onJob(jobId)
                .lineEnding(ending)
                .chunking(Chunking.random(17, 5))
                .contentFault(ContentFault.comments());

        open(jobId);

        assertEquals("open 200", listener.next());
        List<String> expected = List.of("event connected", "event progress-update", "event step-change",
                "event progress-update", "event progress-update", "event progress-update", "event complete");
        for (String record : expected) {
            assertEquals(record, listener.next());
        }
    }

    /**
     * NOTE: okhttp-sse 5.5.1 reads the value of an {@code event:} line up to the next LF
     * ({@code readUtf8LineStrict} in {@code ServerSentEventReader}), though the SSE format also
     * ends lines at a lone CR. So {@code event: connected\r} swallows its data line and the event
     * is lost, and a stream with only CR endings delivers no event at all. The app reads streams
     * with this library. When an OkHttp release handles lone CR, this test fails: then expect
     * {@code connected} here and add CR and MIXED to the test above.
     */
    @Test
    void loneCrAfterEventNameLosesEvent() throws InterruptedException {
        String jobId = newJob();
        backend.faults().onJob(jobId).lineEnding(LineEnding.MIXED);

        open(jobId);

        assertEquals("open 200", listener.next());
        assertEquals("event progress-update", listener.next(), "connected is lost");
    }

    @Test
    void eventSourceReadsLargeEvent() throws InterruptedException {
        String jobId = newJob();
        backend.faults().onJob(jobId).contentFault(ContentFault.largeEvent());

        open(jobId);

        assertEquals("open 200", listener.next());
        assertEquals("event connected", listener.next());
        assertEquals("event progress-update", listener.next());
        listener.eventData.take();
        assertEquals(ContentFault.DEFAULT_LARGE_EVENT_BYTES, listener.eventData.take().length());
    }

    private void open(String jobId) {
        Request request = new Request.Builder()
                .url(backend.baseUrl() + "/api/v1/jobs/" + jobId + "/stream")
                .header("Authorization", "Bearer " + token)
                .build();
        source = EventSources.createFactory(http).newEventSource(request, listener);
    }

    private String newJob() {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        return backend.createJob(List.of(audience), JobOutcome.SUCCESS, ProgressProfile.CURRENT);
    }
}
