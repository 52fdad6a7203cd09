package dev.jobmonitor.watch;

/**
 * Where the watch of one job stands. The first four are connection modes while the outcome is
 * open; the last three are outcomes, and a job in one of them makes no more requests.
 */
public enum WatchState {
    /** Opening the first stream of this attempt. */
    CONNECTING,
    /** The stream is open and delivering events. */
    LIVE,
    /** The stream dropped; status polls bridge the gap until it can be reopened. */
    POLLING,
    /** A new stream is being opened after a drop; polls go on until it is live. */
    RECONNECTING,
    /** Requests are stopped until the user signs in again; the last known data stays. */
    PAUSED,
    /** Every strategy of the job succeeded. */
    SUCCEEDED,
    /** The job succeeded as a whole but some or all strategies failed; the remedy is Regenerate. */
    PARTLY_FAILED,
    /** The job failed (a cancel, or an error); the remedy is Retry. */
    FAILED;

    public boolean isOutcome() {
        return this == SUCCEEDED || this == PARTLY_FAILED || this == FAILED;
    }
}
