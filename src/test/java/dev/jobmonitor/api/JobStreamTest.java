package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Stream opening, errors before streaming, the end of a stream, cancel and activity. */
class JobStreamTest extends BackendTestBase {
    private static final String CONNECTED = "event: connected\n"
            + "data: {\"connectionId\":\"c-1\",\"jobId\":\"job-1\",\"maxAgeSeconds\":250}\n\n";

    @Test
    void notFoundBeforeStreamingFailsWithServerMessage() {
        server.enqueue(Captures.json(404, "stream-404.json"));

        client.openStream("job-1", listener);

        NotFoundException error = assertInstanceOf(NotFoundException.class, listener.takeFailure());
        assertEquals(404, error.status());
        assertEquals("Not found", error.serverError());
        assertEquals("Job not found or access denied", error.getMessage());
    }

    @Test
    void unauthorizedBeforeStreamingFailsWithServerMessage() {
        server.enqueue(Captures.json(401, "stream-401.json"));

        client.openStream("job-1", listener);

        ApiException error = listener.takeFailure();
        assertInstanceOf(UnauthorizedException.class, error);
        assertEquals("Unauthorized", error.serverError());
        assertEquals("Authentication or session ID (x-session-id) is required", error.getMessage());
    }

    @Test
    void rateLimitedStreamCarriesRetryAfter() throws Exception {
        server.enqueue(Captures.exchange(
                "rl-stream-429-bearer.headers.txt", "rl-stream-429-bearer.json"));

        client.openStream("job-1", listener);

        RateLimitedException error =
                assertInstanceOf(RateLimitedException.class, listener.takeFailure());
        assertEquals(Duration.ofSeconds(41), error.retryAfter());
        assertEquals("Too many requests from this IP, please try again later.", error.getMessage());
        assertEquals(new RateLimitStatus(50, 0, Duration.ofSeconds(41), Duration.ofSeconds(41)),
                takeRateLimit());
    }

    @Test
    void streamOpenReportsRateLimitHeaders() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .headers(Captures.headers("rl-stream-open.headers.txt"))
                .body(": ok\n\n")
                .build());

        client.openStream("job-1", listener);

        listener.takeOpen();
        listener.takeClosed();
        assertEquals(new RateLimitStatus(50, 47, Duration.ofSeconds(60), null), takeRateLimit());
    }

    @Test
    void htmlErrorBeforeStreamingFailsWithStatus() {
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .body("<html><body>Bad gateway</body></html>")
                .build());

        client.openStream("job-1", listener);

        ApiException error = listener.takeFailure();
        assertEquals(502, error.status());
        assertNull(error.serverError());
        assertEquals("HTTP 502", error.getMessage());
    }

    @Test
    void successWithoutEventStreamFails() {
        server.enqueue(Captures.json(200, "status-running.json"));

        client.openStream("job-1", listener);

        ApiException error = listener.takeFailure();
        assertEquals(200, error.status());
        assertTrue(error.getMessage().startsWith("Expected an event stream from " + baseUrl),
                error.getMessage());
    }

    @Test
    void unreachableServerFailsWithNetworkException() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        BackendClient offline = new BackendClient(closed, clients, () -> TOKEN, rateLimits::add);

        offline.openStream("job-1", listener);

        ApiException error = assertInstanceOf(NetworkException.class, listener.takeFailure());
        assertEquals(0, error.status());
        assertEquals("Cannot reach " + closed + ": connection refused", error.getMessage());
    }

    @Test
    void disconnectMidStreamFailsWithNetworkException() {
        ScriptedSseBody body = enqueueScriptedStream();

        client.openStream("job-1", listener);
        body.send(": ok\n\n" + CONNECTED);

        listener.takeOpen();
        listener.takeEvent(JobEvent.Connected.class);
        body.cut();
        ApiException error = assertInstanceOf(NetworkException.class, listener.takeFailure());
        assertTrue(error.getMessage().startsWith("Connection to " + baseUrl + " was interrupted"),
                error.getMessage());
        assertTrue(error.isNetworkFailure());
    }

    @Test
    void serverEndingBodyClosesStream() {
        ScriptedSseBody body = enqueueScriptedStream();

        client.openStream("job-1", listener);
        body.send(": ok\n\n" + CONNECTED);
        body.end();

        listener.takeOpen();
        assertEquals("c-1", listener.takeEvent(JobEvent.Connected.class).connectionId());
        listener.takeClosed();
    }

    @Test
    void cancelStopsAllCallbacks() throws Exception {
        ScriptedSseBody body = enqueueScriptedStream();

        JobStream stream = client.openStream("job-1", listener);
        body.send(": ok\n\n" + CONNECTED);
        listener.takeOpen();
        listener.takeEvent(JobEvent.Connected.class);
        listener.awaitActivity(1);

        stream.cancel();
        body.send("event: progress-update\ndata: {\"progress\":5}\n\n: keepalive\n\n");
        body.end();
        awaitStreamsIdle();

        stream.cancel();
        listener.assertNoMoreCallbacks();
    }

    @Test
    void cancelFromOnOpenStopsAllCallbacks() throws Exception {
        ScriptedSseBody body = enqueueScriptedStream();
        JobStreamListener cancelling = new JobStreamListener() {
            @Override
            public void onOpen(JobStream stream) {
                stream.cancel();
                listener.onOpen(stream);
            }

            @Override
            public void onEvent(JobStream stream, JobEvent event) {
                listener.onEvent(stream, event);
            }

            @Override
            public void onClosed(JobStream stream) {
                listener.onClosed(stream);
            }

            @Override
            public void onFailure(JobStream stream, ApiException error) {
                listener.onFailure(stream, error);
            }
        };

        client.openStream("job-1", cancelling);
        body.send(": ok\n\n" + CONNECTED);

        listener.takeOpen();
        awaitStreamsIdle();
    }

    @Test
    void commentOnlyStreamReportsActivity() throws Exception {
        ScriptedSseBody body = enqueueScriptedStream();

        JobStream stream = client.openStream("job-1", listener);
        body.send(": ok\n\n");
        listener.takeOpen();
        listener.awaitActivity(1);

        for (int i = 0; i < 3; i++) {
            body.send(": keepalive\n\n");
            listener.awaitActivity(1);
        }
        stream.cancel();
        awaitStreamsIdle();
    }

    @Test
    void oddEventsAreIgnoredInStream() {
        ScriptedSseBody body = enqueueScriptedStream();

        client.openStream("job-1", listener);
        body.send("event: rate_limit\ndata: {\"retryAfter\":5}\n\n");
        body.send("event: progress-update\ndata: {not json\n\n");
        body.send("event: progress-update\ndata: {\"progress\":null,\"newField\":[1,2]}\n\n");
        body.send("data: {\"type\":\"progress-update\"}\n\n");
        body.end();

        listener.takeOpen();
        assertEquals("rate_limit", listener.takeEvent(JobEvent.Ignored.class).name());
        assertEquals("progress-update", listener.takeEvent(JobEvent.Ignored.class).name());
        assertNull(listener.takeEvent(JobEvent.Progress.class).data().progress());
        assertEquals("message", listener.takeEvent(JobEvent.Ignored.class).name());
        listener.takeClosed();
    }

    @Test
    void listenerFailureDoesNotEndStream() {
        ScriptedSseBody body = enqueueScriptedStream();
        JobStreamListener throwing = new JobStreamListener() {
            @Override
            public void onOpen(JobStream stream) {
                listener.onOpen(stream);
            }

            @Override
            public void onEvent(JobStream stream, JobEvent event) {
                listener.onEvent(stream, event);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onClosed(JobStream stream) {
                listener.onClosed(stream);
            }

            @Override
            public void onFailure(JobStream stream, ApiException error) {
                listener.onFailure(stream, error);
            }
        };

        client.openStream("job-1", throwing);
        body.send(CONNECTED + CONNECTED);
        body.end();

        listener.takeOpen();
        listener.takeEvent(JobEvent.Connected.class);
        listener.takeEvent(JobEvent.Connected.class);
        listener.takeClosed();
    }
}
