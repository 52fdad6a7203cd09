package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ProgressData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the real backend's recorded streams byte for byte and checks the parsed events. Each
 * recording ends where the capture stopped, so every replay ends with onClosed.
 */
class JobStreamReplayTest extends BackendTestBase {
    private static final int MAX_CALLBACKS = 100;

    static Stream<Arguments> recordings() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean split : new boolean[] {false, true}) {
            cases.add(Arguments.of("stream-success-full", split, List.of(
                    "connected c65b9a0a-4145-4619-8eb2-6eba3af287bd maxAge=250",
                    "progress-update 0 null eta=null",
                    "step-change 0 null eta=null",
                    "progress-update 5 Generating 7-day content calendar... eta=60",
                    "progress-update 8 Fetching trending topics... eta=55 phase=trends",
                    "progress-update 100 Complete eta=null",
                    "complete success=true strategies=1 succeeded=1 failed=0 ideas=[30]",
                    "closed")));
            cases.add(Arguments.of("stream-bundle-full", split, List.of(
                    "connected 656c0450-995e-4025-8b55-520a02b648c6 maxAge=250",
                    "progress-update 0 null eta=null",
                    "step-change 0 null eta=null",
                    "progress-update 5 Starting (3 strategies)... eta=60",
                    "progress-update 8 Fetching trending topics... eta=55 phase=trends",
                    "progress-update 100 Complete eta=null",
                    "complete success=true strategies=3 succeeded=3 failed=0 ideas=[30, 30, 30]",
                    "closed")));
            cases.add(Arguments.of("stream-after-complete", split, List.of(
                    "connected d4e8e46f-868e-4396-b602-5a07e3666430 maxAge=250",
                    "complete success=true strategies=1 succeeded=1 failed=0 ideas=[30]",
                    "closed")));
            cases.add(Arguments.of("stream-failed", split, List.of(
                    "connected eaf98a4b-d565-4f96-b62e-2856d6adbf45 maxAge=250",
                    "progress-update 5 Generating 7-day content calendar... eta=60",
                    "progress-update 8 Fetching trending topics... eta=55 phase=trends",
                    "progress-update 100 Complete eta=null",
                    "failed Cancelled code=null",
                    "closed")));
            cases.add(Arguments.of("stream-ai-error", split, List.of(
                    "connected 8e289d7c-ad29-49b4-ac30-d51fce239a0c maxAge=250",
                    "progress-update 5 Generating 7-day content calendar... eta=60",
                    "progress-update 8 Fetching trending topics... eta=55 phase=trends",
                    "progress-update 100 Complete eta=null",
                    "complete success=false strategies=1 succeeded=0 failed=1 ideas=[null]",
                    "closed")));
            // This capture stops in the middle of a keepalive line, without its final newline.
            cases.add(Arguments.of("stream-success", split, List.of(
                    "connected d4e8e46f-868e-4396-b602-5a07e3666430 maxAge=250",
                    "progress-update 5 Generating 7-day content calendar... eta=60",
                    "progress-update 8 Fetching trending topics... eta=55 phase=trends",
                    "progress-update 100 Complete eta=null",
                    "complete success=true strategies=1 succeeded=1 failed=0 ideas=[30]",
                    "stream-timeout Stream closing soon due to serverless limit;"
                            + " poll GET /jobs/:jobId/status for updates",
                    "closed")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, split={1}")
    @MethodSource("recordings")
    void replayedStreamGivesRecordedEvents(String name, boolean split, List<String> expected)
            throws Exception {
        MockResponse response = split ? Captures.streamSplit(name) : Captures.stream(name);
        server.enqueue(response);

        JobStream stream = client.openStream("job-1", listener);

        assertEquals(stream, listener.takeOpen());
        assertEquals(expected, describeUntilEnd());
        listener.awaitActivity(1);
        if (name.equals("stream-bundle-full")) {
            // The only stream capture made with the rate limiter on.
            assertEquals(new RateLimitStatus(100000, 99886, Duration.ofSeconds(718), null),
                    takeRateLimit());
        }
    }

    @Test
    void aiErrorReplayKeepsStrategyError() throws Exception {
        server.enqueue(Captures.stream("stream-ai-error"));

        client.openStream("8e289d7c-ad29-49b4-ac30-d51fce239a0c", listener);

        listener.takeOpen();
        listener.takeEvent(JobEvent.Connected.class);
        for (int i = 0; i < 3; i++) {
            listener.takeEvent(JobEvent.Progress.class);
        }
        CalendarResult result = listener.takeEvent(JobEvent.Complete.class).result();
        assertTrue(result.hasFailedStrategies());
        assertEquals("Failed to generate content calendar: 500 ai-stub: simulated upstream failure",
                result.results().get(0).error());
        listener.takeClosed();
    }

    @Test
    void streamRequestCarriesBearerAndAcceptsEventStream() throws Exception {
        server.enqueue(Captures.stream("stream-success-full"));

        client.openStream("c65b9a0a-4145-4619-8eb2-6eba3af287bd", listener);

        RecordedRequest request = takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/api/v1/jobs/c65b9a0a-4145-4619-8eb2-6eba3af287bd/stream",
                request.getUrl().encodedPath());
        assertNull(request.getUrl().query());
        assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
        assertEquals("text/event-stream", request.getHeaders().get("Accept"));
        assertNull(request.getHeaders().get("x-session-id"));
        assertNull(request.getHeaders().get("Cookie"));
        listener.takeOpen();
        assertEquals("closed", describeUntilEnd().get(7));
    }

    private List<String> describeUntilEnd() {
        return describeUntilEnd(listener);
    }

    /** Takes callbacks up to onClosed or onFailure and describes each one in a line. */
    static List<String> describeUntilEnd(RecordingListener listener) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < MAX_CALLBACKS; i++) {
            Object callback = listener.takeAny();
            if (callback instanceof RecordingListener.Received) {
                lines.add(describe(((RecordingListener.Received) callback).event()));
            } else if (callback instanceof RecordingListener.Closed) {
                lines.add("closed");
                return lines;
            } else if (callback instanceof RecordingListener.Failed) {
                lines.add("failure " + ((RecordingListener.Failed) callback).error());
                return lines;
            } else {
                lines.add("unexpected " + callback);
            }
        }
        return lines;
    }

    static String describe(JobEvent event) {
        if (event instanceof JobEvent.Connected) {
            JobEvent.Connected connected = (JobEvent.Connected) event;
            return "connected " + connected.jobId() + " maxAge=" + connected.maxAgeSeconds();
        }
        if (event instanceof JobEvent.Progress) {
            JobEvent.Progress progress = (JobEvent.Progress) event;
            ProgressData data = progress.data();
            String phase = data.phase() == null ? "" : " phase=" + data.phase();
            return progress.name() + " " + data.progress() + " " + data.currentStep()
                    + " eta=" + data.estimatedTimeRemaining() + phase;
        }
        if (event instanceof JobEvent.Complete) {
            CalendarResult result = ((JobEvent.Complete) event).result();
            List<Integer> ideas = new ArrayList<>();
            result.results().forEach(strategy -> ideas.add(strategy.ideaCount()));
            return "complete success=" + result.success() + " strategies=" + result.strategyCount()
                    + " succeeded=" + result.succeeded() + " failed=" + result.failed()
                    + " ideas=" + ideas;
        }
        if (event instanceof JobEvent.Failed) {
            JobEvent.Failed failed = (JobEvent.Failed) event;
            return "failed " + failed.error() + " code=" + failed.errorCode();
        }
        if (event instanceof JobEvent.StreamTimeout) {
            return "stream-timeout " + ((JobEvent.StreamTimeout) event).message();
        }
        return event.toString();
    }
}
