package dev.jobmonitor.demo;

/**
 * How a simulated job's first run ends. A retried run always succeeds, so Retry has a visible
 * effect.
 */
public enum JobOutcome {
    /** Every strategy gets a calendar; the job ends {@code succeeded}. */
    SUCCESS,
    /**
     * The last strategy fails and the others succeed; the job still ends {@code succeeded}. With a
     * single strategy this is the same as {@link #ALL_FAILED}.
     */
    PARTIAL_FAILURE,
    /** Every strategy fails; the job ends {@code succeeded} with {@code result.success:false}. */
    ALL_FAILED,
    /**
     * A cancel request arrives a third of the way through the run. Like the real worker, the job
     * still generates and saves every calendar, then ends {@code failed} with
     * {@code error:"Cancelled"}.
     */
    CANCELLED,
    /**
     * The run breaks halfway with a job-level error ({@code "Connection terminated unexpectedly"},
     * errorCode {@code ECONNRESET}) and ends {@code failed}, so Retry applies.
     */
    JOB_FAILURE
}
