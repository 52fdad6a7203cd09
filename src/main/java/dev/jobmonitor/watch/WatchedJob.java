package dev.jobmonitor.watch;

/**
 * One job followed live. Commands may be called from any thread; they are carried out on the
 * account's scheduler thread and their effects arrive as snapshots.
 */
public interface WatchedJob {
    String jobId();

    /** The latest snapshot; safe to read from any thread. */
    JobSnapshot snapshot();

    /**
     * Adds a listener and immediately sends it the current snapshot. Listeners are called on the
     * account's scheduler thread.
     */
    void addListener(SnapshotListener listener);

    void removeListener(SnapshotListener listener);

    /** Asks the backend to run a failed job again, then follows the new attempt. */
    void retry();

    /** Asks the backend to cancel a queued or running job. */
    void cancel();

    /**
     * How many requests this watch has sent: stream opens, status polls, Retry and Cancel.
     * Read it from a snapshot listener to compare with the moment of an outcome.
     */
    default long requestsSent() {
        return 0;
    }
}
