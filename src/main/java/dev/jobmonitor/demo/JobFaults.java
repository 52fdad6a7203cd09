package dev.jobmonitor.demo;

import dev.jobmonitor.demo.sim.World;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults of one job, from {@link Faults#onJob}, or of all jobs, from {@link Faults#global}.
 * A job's own setting wins over the scenario's, and that over the setting for all jobs. Every
 * method returns this object for chaining. Thread-safe; a change applies to streams opened and
 * requests received after it, never to a stream already open.
 */
public final class JobFaults {
    private static final Logger LOGGER = LoggerFactory.getLogger(JobFaults.class);
    private static final Set<Integer> HTTP_FAULT_STATUSES = Set.of(500, 502, 503, 504);

    private final FaultRegistry registry;
    private final World world;
    private final Clock clock;
    private final String jobId;

    /** @param jobId the job, or null for all jobs */
    JobFaults(FaultRegistry registry, World world, Clock clock, String jobId) {
        this.registry = registry;
        this.world = world;
        this.clock = clock;
        this.jobId = jobId;
    }

    /**
     * Queues a fault for the next {@link StreamFault#streams()} streams. Faults queue in order,
     * and a job's own queue is used before the queue for all jobs.
     */
    public JobFaults streamFault(StreamFault fault) {
        Objects.requireNonNull(fault, "fault");
        registry.change(jobId, "stream fault " + fault, settings -> settings.streamFaults
                .addLast(new FaultSettings.Countdown<>(fault, fault.streams())));
        return this;
    }

    /**
     * Responds to the next {@code count} requests to the route with {@code status} instead of
     * the real response: 500 and 503 with the job routes' JSON error body, 502 and 504 with a
     * plain-text body as a proxy sends. Only requests that would otherwise find the job count.
     *
     * @throws IllegalArgumentException when the status is not 500, 502, 503 or 504, or the count
     *     is below 1
     */
    public JobFaults httpFault(JobRoute route, int status, int count) {
        Objects.requireNonNull(route, "route");
        if (!HTTP_FAULT_STATUSES.contains(status)) {
            throw new IllegalArgumentException(
                    "HTTP fault status must be 500, 502, 503 or 504, was " + status);
        }
        if (count < 1) {
            throw new IllegalArgumentException("HTTP fault count must be at least 1, was " + count);
        }
        registry.change(jobId, "status " + status + " on the next " + count + " requests to "
                + route, settings -> settings.addHttpFault(route, status, count));
        return this;
    }

    /**
     * Makes job routes respond 404, as when a read does not yet see the new row. For one job
     * the window starts now. For all jobs it starts at each job's creation, so only jobs younger
     * than {@code window} are hidden. The stream route retries its lookup for about 0.5 s,
     * scaled by the time factor, so a shorter window only delays a stream. The window is not
     * scaled.
     */
    public JobFaults notFoundFor(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative, was " + window);
        }
        registry.change(jobId, "404 for " + window.toMillis() + " ms", settings -> {
            if (jobId == null) {
                settings.notFoundWindow = window;
            } else {
                settings.notFoundUntil = clock.instant().plus(window);
            }
        });
        return this;
    }

    /** Adds a content fault, replacing one of the same kind. */
    public JobFaults contentFault(ContentFault fault) {
        Objects.requireNonNull(fault, "fault");
        registry.change(jobId, "content fault " + fault,
                settings -> settings.contentFaults.put(fault.kind(), fault));
        return this;
    }

    /** Sets the line ending of streams. */
    public JobFaults lineEnding(LineEnding ending) {
        Objects.requireNonNull(ending, "ending");
        registry.change(jobId, "line ending " + ending, settings -> settings.lineEnding = ending);
        return this;
    }

    /** Sets where chunk boundaries fall in streams. */
    public JobFaults chunking(Chunking chunking) {
        Objects.requireNonNull(chunking, "chunking");
        registry.change(jobId, "chunking " + chunking, settings -> settings.chunking = chunking);
        return this;
    }

    /**
     * Sets whether a retry leaves the job {@code queued} forever, as the real backend's queue
     * may. This overrides {@link DemoConfig#retryStaysQueued()}.
     */
    public JobFaults retryStaysQueued(boolean value) {
        registry.change(jobId, "retry stays queued " + value,
                settings -> settings.retryStaysQueued = value);
        return this;
    }

    /**
     * Deletes the job: its status, stream, retry and cancel routes respond 404 from now on, and
     * {@link DemoBackend#job} returns empty. Streams already open stay open, and the simulation
     * of a running job goes on, so they still get its events.
     *
     * @throws IllegalStateException on the faults of all jobs, which have no job to delete
     */
    public void purge() {
        if (jobId == null) {
            throw new IllegalStateException("purge() needs one job; call onJob(jobId).purge()");
        }
        world.removeJob(jobId);
        LOGGER.info("Job {} purged; its routes respond 404 from now on", jobId);
    }
}
