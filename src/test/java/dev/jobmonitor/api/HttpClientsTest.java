package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.model.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.CookieJar;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Configuration of the two clients, and that open streams leave REST calls free to run. */
class HttpClientsTest extends BackendTestBase {
    // More than OkHttp's default of 5 calls per host, which would queue REST behind streams.
    private static final int OPEN_STREAMS = 12;

    @Test
    void openStreamsDoNotQueueRestCalls() throws Exception {
        List<JobStream> streams = new ArrayList<>();
        for (int i = 0; i < OPEN_STREAMS; i++) {
            ScriptedSseBody body = enqueueScriptedStream();
            body.send(": ok\n\n");
            streams.add(client.openStream("job-" + i, listener));
        }
        for (int i = 0; i < OPEN_STREAMS; i++) {
            listener.takeOpen();
        }
        server.enqueue(Captures.json(200, "status-running.json"));

        JobStatus status = await(client.status("d4e8e46f-868e-4396-b602-5a07e3666430"));

        assertEquals(5, status.progress());
        assertEquals(OPEN_STREAMS, clients.streams().dispatcher().runningCallsCount());
        streams.forEach(JobStream::cancel);
        awaitStreamsIdle();
    }

    @Test
    void clientsShareConnectionPoolButNotDispatcher() {
        assertSame(clients.rest().connectionPool(), clients.streams().connectionPool());
        assertNotSame(clients.rest().dispatcher(), clients.streams().dispatcher());
        assertTrue(clients.streams().dispatcher().getMaxRequestsPerHost() >= 1024);
        assertEquals(clients.rest().interceptors(), clients.streams().interceptors());
    }

    @Test
    void restClientHasOrdinaryTimeouts() {
        OkHttpClient rest = clients.rest();

        assertEquals(10_000, rest.connectTimeoutMillis());
        assertEquals(20_000, rest.readTimeoutMillis());
        assertEquals(30_000, rest.callTimeoutMillis());
    }

    @Test
    void streamClientHasNoReadTimeout() {
        OkHttpClient streams = clients.streams();

        assertEquals(10_000, streams.connectTimeoutMillis());
        assertEquals(0, streams.readTimeoutMillis());
        assertEquals(0, streams.callTimeoutMillis());
    }

    @Test
    void clientsKeepNoCookies() {
        assertSame(CookieJar.NO_COOKIES, clients.rest().cookieJar());
        assertSame(CookieJar.NO_COOKIES, clients.streams().cookieJar());
    }

    @Test
    void callsRunOnNamedDaemonThreads() throws Exception {
        BlockingQueue<Thread> callThreads = new LinkedBlockingQueue<>();
        BackendClient recording = new BackendClient(baseUrl, clients, () -> {
            callThreads.add(Thread.currentThread());
            return TOKEN;
        }, rateLimits::add);
        server.enqueue(Captures.json(200, "status-running.json"));
        server.enqueue(Captures.stream("stream-after-complete"));

        await(recording.status("job-1"));
        recording.openStream("job-1", listener);

        // OkHttp renames a thread to the call's URL while it runs the call.
        assertTrue(callThreads.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS).isDaemon());
        assertTrue(callThreads.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS).isDaemon());
        assertEquals("jobmonitor-http-", idleThreadName(clients.rest()).replaceAll("\\d+$", ""));
        assertEquals("jobmonitor-sse-", idleThreadName(clients.streams()).replaceAll("\\d+$", ""));
        listener.takeOpen();
        listener.takeEvent(JobEvent.Connected.class);
        listener.takeEvent(JobEvent.Complete.class);
        listener.takeClosed();
    }

    private static String idleThreadName(OkHttpClient client) throws Exception {
        return client.dispatcher().executorService()
                .submit(() -> Thread.currentThread().getName())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void closeEndsOpenStreamsAndLaterCalls() throws Exception {
        ScriptedSseBody body = enqueueScriptedStream();
        body.send(": ok\n\n");
        client.openStream("job-1", listener);
        listener.takeOpen();

        clients.close();

        assertInstanceOf(NetworkException.class, listener.takeFailure());
        CompletableFuture<JobStatus> afterClose = client.status("job-1");
        NetworkException error = awaitFailure(NetworkException.class, afterClose);
        assertEquals("Cannot reach " + baseUrl + ": the HTTP client is closed", error.getMessage());
    }
}
