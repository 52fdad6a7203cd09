package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A MockWebServer on 127.0.0.1 and a {@link BackendClient} pointed at it, with a recording
 * stream listener and rate-limit listener that must both end empty.
 */
abstract class BackendTestBase {
    static final String TOKEN = "test-access-token";
    static final long TIMEOUT_SECONDS = RecordingListener.TIMEOUT_SECONDS;

    final RecordingListener listener = new RecordingListener();
    final BlockingQueue<RateLimitStatus> rateLimits = new LinkedBlockingQueue<>();
    private final List<ScriptedSseBody> scriptedBodies = new ArrayList<>();

    MockWebServer server;
    URI baseUrl;
    HttpClients clients;
    BackendClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        baseUrl = URI.create("http://127.0.0.1:" + server.getPort());
        clients = new HttpClients();
        client = new BackendClient(baseUrl, clients, () -> TOKEN, rateLimits::add);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        try {
            listener.assertNoMoreCallbacks();
            assertEquals(null, rateLimits.peek(), "unconsumed rate-limit report");
            assertNoCredentialLeaks();
        } finally {
            scriptedBodies.forEach(ScriptedSseBody::end);
            clients.close();
            server.close();
        }
    }

    /** Checks every request this test sent: no token in the URL, no cookie, no session id. */
    private void assertNoCredentialLeaks() throws InterruptedException {
        int requestCount = server.getRequestCount();
        for (int i = 0; i < requestCount; i++) {
            RecordedRequest request = server.takeRequest(0, TimeUnit.SECONDS);
            if (request == null) {
                return;
            }
            assertFalse(request.getUrl().toString().contains(TOKEN), request.getUrl().toString());
            assertNull(request.getHeaders().get("Cookie"), "Cookie header on " + request.getUrl());
            assertNull(request.getHeaders().get("x-session-id"), "x-session-id on " + request.getUrl());
        }
    }

    /** Enqueues an event-stream response whose body the test writes as it goes. */
    ScriptedSseBody enqueueScriptedStream() {
        ScriptedSseBody body = new ScriptedSseBody();
        scriptedBodies.add(body);
        server.enqueue(body.response());
        return body;
    }

    RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = server.takeRequest(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(request, "no request reached the server within " + TIMEOUT_SECONDS + " s");
        return request;
    }

    RateLimitStatus takeRateLimit() throws InterruptedException {
        RateLimitStatus status = rateLimits.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(status, "no rate-limit report within " + TIMEOUT_SECONDS + " s");
        return status;
    }

    /** Waits until every stream call has returned, so no stream callback can still come. */
    void awaitStreamsIdle() {
        awaitCondition("stream calls finished",
                () -> clients.streams().dispatcher().runningCallsCount() == 0);
    }

    static void awaitCondition(String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT_SECONDS + " s waiting for: " + description);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            throw new AssertionError("call did not complete within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Waits for a future that must fail, and returns its {@link ApiException}. */
    static <E extends ApiException> E awaitFailure(Class<E> type, CompletableFuture<?> future)
            throws InterruptedException, TimeoutException {
        try {
            Object value = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + value);
        } catch (ExecutionException e) {
            assertTrue(type.isInstance(e.getCause()),
                    "expected " + type.getSimpleName() + " but got " + e.getCause());
            return type.cast(e.getCause());
        }
    }

    /** Returns a port on 127.0.0.1 that nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
