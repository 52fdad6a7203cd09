package dev.jobmonitor.api;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's SSE connection: adapts okhttp-sse callbacks to a {@link JobStreamListener}.
 *
 * <p>The listener gets at most one of {@code onClosed} and {@code onFailure}, and nothing after
 * either. After {@link #cancel()} it gets no further callbacks, except one that was already
 * running when cancel was called. okhttp-sse reports its own cancel as a failure, and that failure
 * is dropped here.
 */
final class SseJobStream implements JobStream {
    private static final Logger LOGGER = LoggerFactory.getLogger(SseJobStream.class);

    // Error bodies are small JSON, so only a larger body such as a proxy's HTML page is cut off.
    private static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final String jobId;
    private final JobStreamListener listener;
    private final URI server;
    private final Clock clock;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile boolean opened;
    private volatile EventSource source;

    private SseJobStream(String jobId, JobStreamListener listener, URI server, Clock clock) {
        this.jobId = jobId;
        this.listener = listener;
        this.server = server;
        this.clock = clock;
    }

    /**
     * Starts the connection. Bytes of the response body are reported as activity through the
     * {@link BodyActivityInterceptor} tag, so {@code factory} must come from a client that has
     * that interceptor.
     */
    static SseJobStream open(EventSource.Factory factory, Request.Builder request, String jobId,
                             JobStreamListener listener, URI server, Clock clock) {
        SseJobStream stream = new SseJobStream(jobId, listener, server, clock);
        Request tagged = request
                .tag(BodyActivityInterceptor.Listener.class, byteCount -> stream.onBytesRead())
                .build();
        stream.source = factory.newEventSource(tagged, stream.new Callbacks());

        // A listener may cancel from onOpen before the line above has stored the source.
        if (stream.cancelled) {
            stream.source.cancel();
        }
        return stream;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public void cancel() {
        cancelled = true;
        if (finished.compareAndSet(false, true)) {
            LOGGER.debug("Stream of job {} cancelled", jobId);
        }
        EventSource current = source;
        if (current != null) {
            current.cancel();
        }
    }

    private void onBytesRead() {
        if (opened && !finished.get()) {
            deliver("onActivity", () -> listener.onActivity(this));
        }
    }

    /** Calls the listener, so that a bug in it is logged and does not end the stream. */
    private void deliver(String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOGGER.warn("Job stream listener failed in {} for job {}", callback, jobId, e);
        }
    }

    private void fail(ApiException error) {
        if (finished.compareAndSet(false, true)) {
            LOGGER.warn("Stream of job {} failed: {}", jobId, error.getMessage());
            deliver("onFailure", () -> listener.onFailure(this, error));
        }
    }

    private ApiException toApiException(Throwable failure, Response response) {
        if (response != null && !response.isSuccessful()) {
            return ErrorResponses.fromResponse(
                    response.code(), response.headers(), readErrorBody(response), clock);
        }
        if (response != null && !opened) {
            // okhttp-sse 5.5.1 fails a successful response before onOpen only for a content type
            // other than text/event-stream.
            return new ApiException(response.code(), null, "Expected an event stream from "
                    + server + " but got content type " + response.header("Content-Type"));
        }
        if (failure instanceof IOException) {
            IOException io = (IOException) failure;
            return opened
                    ? ErrorResponses.broken(server, io)
                    : ErrorResponses.unreachable(server, io);
        }
        return new ApiException(0, null, "Job stream of " + jobId + " failed: " + failure, failure);
    }

    private String readErrorBody(Response response) {
        try {
            return response.peekBody(MAX_ERROR_BODY_BYTES).string();
        } catch (IOException e) {
            LOGGER.warn("Cannot read the error body of the stream of job {}", jobId, e);
            return "";
        }
    }

    /** Receives the okhttp-sse callbacks, all on the dispatcher thread that runs this call. */
    private final class Callbacks extends EventSourceListener {
        @Override
        public void onOpen(EventSource eventSource, Response response) {
            if (finished.get()) {
                return;
            }
            if (response.code() != 200) {
                fail(new ApiException(response.code(), null,
                        "Expected HTTP 200 for the job stream, got " + response.code()));
                eventSource.cancel();
                return;
            }
            opened = true;
            LOGGER.debug("Stream of job {} opened", jobId);
            deliver("onOpen", () -> listener.onOpen(SseJobStream.this));
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            if (finished.get()) {
                return;
            }
            JobEvent event = JobEvents.parse(type, data);
            if (event instanceof JobEvent.Ignored) {
                LOGGER.debug("Ignored event on job {}: {}", jobId, event);
            }
            deliver("onEvent", () -> listener.onEvent(SseJobStream.this, event));
        }

        @Override
        public void onClosed(EventSource eventSource) {
            if (finished.compareAndSet(false, true)) {
                LOGGER.debug("Server ended the stream of job {}", jobId);
                deliver("onClosed", () -> listener.onClosed(SseJobStream.this));
            }
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable failure, Response response) {
            if (cancelled || finished.get()) {
                // String.valueOf keeps SLF4J from printing the expected failure's stack trace.
                LOGGER.debug("Dropped the failure of finished stream of job {}: {}",
                        jobId, String.valueOf(failure));
                return;
            }
            fail(toApiException(failure, response));
        }
    }
}
