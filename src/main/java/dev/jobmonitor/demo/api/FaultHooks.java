package dev.jobmonitor.demo.api;

import dev.jobmonitor.demo.JobRoute;
import dev.jobmonitor.demo.stream.StreamFaults;
import java.time.Instant;

/**
 * The points where routes ask for scripted faults. Called on HTTP connection threads, only for
 * jobs that exist. Implementations are thread-safe and log every fault they apply.
 */
public interface FaultHooks {

    /** Returns the policy for a stream opening on the job. May use up a one-shot fault. */
    StreamFaults faultsForNewStream(String jobId);

    /**
     * Returns the status to send in place of the response to a request on a job route, or 0 to
     * serve it. May use up a counted fault.
     */
    int httpFaultStatus(String jobId, JobRoute route);

    /** Returns whether job routes must respond with 404 for the job right now. */
    boolean hidesJob(String jobId, Instant createdAt);
}
