package dev.jobmonitor.api;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the two OkHttp clients of the app: {@link #rest()} for ordinary requests and
 * {@link #streams()} for SSE connections that stay open for minutes. Both share one connection
 * pool and one interceptor chain. Each has its own {@link Dispatcher}, so open streams never queue
 * a sign-in, a status poll or a retry behind them.
 *
 * <p>Neither client keeps cookies: the backend reads its {@code access_token} cookie before the
 * {@code Authorization} header, so a stale cookie would override the current token.
 *
 * <p>Create one instance per app and {@link #close()} it on exit. Clients derived with
 * {@code newBuilder()} share the dispatchers, so {@link #close()} also cancels their calls.
 */
public final class HttpClients implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(HttpClients.class);

    // Each open stream keeps one async call running, so this is the maximum of open streams.
    private static final int MAX_STREAMS = 1024;

    private final ConnectionPool connectionPool = new ConnectionPool();
    private final OkHttpClient rest;
    private final OkHttpClient streams;

    /** Builds both clients with their own daemon dispatcher threads. */
    public HttpClients() {
        OkHttpClient base = new OkHttpClient.Builder()
                .connectionPool(connectionPool)
                .cookieJar(CookieJar.NO_COOKIES)
                .addInterceptor(HttpClients::logRequest)
                .build();

        rest = base.newBuilder()
                .dispatcher(new Dispatcher(daemonExecutor("jobmonitor-http-")))
                // A reachable backend accepts a connection within a second or two.
                .connectTimeout(10, TimeUnit.SECONDS)
                // Far longer than a normal REST response takes, so this much silence means the
                // request is stuck.
                .readTimeout(20, TimeUnit.SECONDS)
                // Bounds the whole call, so a trickling response cannot hold a caller forever.
                .callTimeout(30, TimeUnit.SECONDS)
                .build();

        Dispatcher streamDispatcher = new Dispatcher(daemonExecutor("jobmonitor-sse-"));
        streamDispatcher.setMaxRequests(MAX_STREAMS);
        streamDispatcher.setMaxRequestsPerHost(MAX_STREAMS);
        streams = base.newBuilder()
                .dispatcher(streamDispatcher)
                // As for REST, a reachable backend accepts a connection within a second or two.
                .connectTimeout(10, TimeUnit.SECONDS)
                // No read timeout, because the server is silent for 15 s between keepalives, which
                // is longer than OkHttp's default of 10 s. The stream's watchdog judges silence.
                .readTimeout(0, TimeUnit.SECONDS)
                // No call timeout, because a stream lives for minutes (up to 250 s on the backend).
                // NOTE: so a server that accepts the connection but never sends response headers
                // keeps the stream pending until its watchdog cancels it.
                .callTimeout(0, TimeUnit.SECONDS)
                .build();
    }

    /** Client for short requests: sign-in, lists, status polls, retry and cancel. */
    public OkHttpClient rest() {
        return rest;
    }

    /** Client for SSE streams: no read timeout and a dispatcher of its own. */
    public OkHttpClient streams() {
        return streams;
    }

    /**
     * Cancels every queued and running call of both clients, stops their dispatcher threads and
     * closes idle connections. Calls made afterwards fail at once with a network error.
     */
    @Override
    public void close() {
        for (OkHttpClient client : new OkHttpClient[] {rest, streams}) {
            client.dispatcher().cancelAll();
            client.dispatcher().executorService().shutdown();
        }
        connectionPool.evictAll();
        LOGGER.debug("HTTP clients closed");
    }

    private static Response logRequest(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        // Logs the path only, because the query and the headers can carry tokens.
        LOGGER.debug("{} {}", request.method(), request.url().encodedPath());
        return chain.proceed(request);
    }

    /** Creates an executor like OkHttp's default one, but with named daemon threads. */
    private static ExecutorService daemonExecutor(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), factory);
    }
}
