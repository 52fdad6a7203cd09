package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.http.ConnectionControl;
import dev.jobmonitor.demo.sim.Job;
import dev.jobmonitor.demo.sim.JobEvent;
import dev.jobmonitor.demo.sim.JobStatus;
import dev.jobmonitor.demo.sim.Json;
import dev.jobmonitor.demo.stream.SseWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open job stream. Job events and timer ticks go into a queue, and only the connection's
 * thread writes to the socket, so frames never interleave.
 */
final class StreamSession {
    private static final Logger LOGGER = LoggerFactory.getLogger(StreamSession.class);
    private static final String HINT =
            "If stream closes before job completes, poll GET /jobs/:jobId/status";
    private static final String TIMEOUT_MESSAGE =
            "Stream closing soon due to serverless limit; poll GET /jobs/:jobId/status for updates";
    /** How often an idle stream checks whether the client went away. */
    private static final long PROBE_INTERVAL_MILLIS = 100;

    private enum Kind { EVENT, KEEPALIVE, TIMEOUT_WARNING, MAX_AGE }

    private record Item(Kind kind, JobEvent event) {
    }

    private final ApiContext context;
    private final Job job;
    private final SseWriter writer;
    private final ConnectionControl connection;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Consumer<JobEvent> subscriber = event -> queue.offer(new Item(Kind.EVENT, event));
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private ScheduledFuture<?> keepalive;
    private boolean subscribed;
    /** Whether the client closed its side while a fault keeps the stream writing. */
    private boolean clientGone;
    private boolean terminalWritten;

    StreamSession(ApiContext context, Job job, SseWriter writer, ConnectionControl connection) {
        this.context = context;
        this.job = job;
        this.writer = writer;
        this.connection = connection;
    }

    /**
     * Writes the stream until the client leaves, a fault ends it, or the job was already
     * finished.
     */
    void run() throws IOException {
        String connectionId = Json.uuid(context.random);
        LOGGER.debug("Stream {} opened on job {}", connectionId, job.id());
        try {
            writer.comment("ok");
            Job.Row row = job.subscribe(subscriber);
            subscribed = true;
            startTimers();
            writer.event("connected", Json.write(connectedData(connectionId)));
            if (sendSnapshot(row)) {
                writer.end();
                return;
            }
            pump();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            job.unsubscribe(subscriber);
            timers.forEach(timer -> timer.cancel(false));
            LOGGER.debug("Stream {} on job {} ended", connectionId, job.id());
        }
    }

    private ObjectNode connectedData(String connectionId) {
        ObjectNode data = Json.object();
        data.put("connectionId", connectionId);
        data.put("jobId", job.id());
        // Scaled with the time factor so a client can trust it; 250 at real time.
        long maxAgeMillis = context.config.scale(context.config.streamMaxAge()).toMillis();
        data.put("maxAgeSeconds", (long) Math.ceil(maxAgeMillis / 1000.0));
        data.put("hint", HINT);
        return data;
    }

    /** Sends the catch-up event from the row; returns true when the job was finished. */
    private boolean sendSnapshot(Job.Row row) throws IOException {
        if (row.status == JobStatus.SUCCEEDED) {
            ObjectNode data = Json.object();
            data.set("result", row.result == null ? Json.nullNode() : row.result);
            writer.event("complete", Json.write(data));
            return true;
        }
        if (row.status == JobStatus.FAILED) {
            ObjectNode data = Json.object();
            data.put("error", row.error);
            data.put("errorCode", row.errorCode);
            writer.event("failed", Json.write(data));
            return true;
        }
        ObjectNode data = Json.object();
        data.put("progress", row.progress);
        data.put("currentStep", row.currentStep);
        data.put("estimatedTimeRemaining", row.estimatedTimeRemaining);
        writer.event("progress-update", Json.write(data));
        return false;
    }

    /**
     * Writes queued items until the connection closes or the client leaves. When a fault keeps
     * the stream writing after the client left, it ends at the job's terminal event or at the
     * maximum age, unless a write fails first.
     */
    private void pump() throws IOException, InterruptedException {
        while (writer.isOpen()) {
            Item item = queue.poll(PROBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            if (item == null) {
                if (clientLeft() && (!writer.writesAfterClientClose() || terminalWritten
                        || !subscribed)) {
                    return;
                }
                continue;
            }
            switch (item.kind()) {
                case EVENT -> {
                    if (subscribed) {
                        writer.event(item.event().name(), item.event().data());
                        terminalWritten |= isTerminal(item.event());
                        if (clientGone && terminalWritten) {
                            return;
                        }
                    }
                }
                case KEEPALIVE -> {
                    if (subscribed) {
                        writer.comment("keepalive");
                    }
                }
                case TIMEOUT_WARNING -> writer.event("stream-timeout", Json.write(timeoutData()));
                case MAX_AGE -> dropSubscription();
                default -> throw new IllegalStateException("Unknown stream item " + item.kind());
            }
        }
    }

    /** Probes for a client close once; logs when a fault keeps the stream writing after it. */
    private boolean clientLeft() {
        if (clientGone) {
            return true;
        }
        if (!connection.clientHasClosed()) {
            return false;
        }
        if (writer.writesAfterClientClose()) {
            clientGone = true;
            LOGGER.info("Client closed its stream on job {}; the stream goes on writing", job.id());
        }
        return true;
    }

    private static boolean isTerminal(JobEvent event) {
        return "complete".equals(event.name()) || "failed".equals(event.name());
    }

    /**
     * At the maximum age the real server stops keepalives and unsubscribes, but leaves the
     * socket open.
     */
    private void dropSubscription() {
        subscribed = false;
        job.unsubscribe(subscriber);
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        LOGGER.debug("Stream on job {} reached its maximum age; the socket stays open", job.id());
    }

    private ObjectNode timeoutData() {
        ObjectNode data = Json.object();
        data.put("jobId", job.id());
        data.put("message", TIMEOUT_MESSAGE);
        return data;
    }

    private void startTimers() {
        long interval = context.config.scale(context.config.keepaliveInterval()).toNanos();
        long warning = context.config.scale(context.config.streamTimeoutWarning()).toNanos();
        long maxAge = context.config.scale(context.config.streamMaxAge()).toNanos();
        try {
            keepalive = context.scheduler.scheduleAtFixedRate(() -> offer(Kind.KEEPALIVE),
                    interval, interval, TimeUnit.NANOSECONDS);
            timers.add(keepalive);
            timers.add(context.scheduler.schedule(() -> offer(Kind.TIMEOUT_WARNING), warning,
                    TimeUnit.NANOSECONDS));
            timers.add(context.scheduler.schedule(() -> offer(Kind.MAX_AGE), maxAge,
                    TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            LOGGER.debug("Stream timers not started because the backend is closing");
        }
    }

    private void offer(Kind kind) {
        queue.offer(new Item(kind, null));
    }
}
