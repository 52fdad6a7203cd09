package dev.jobmonitor.api;

/** An open (or opening) SSE connection to one job's stream. */
public interface JobStream {
    /** The job this stream follows. */
    String jobId();

    /**
     * Closes the connection. Safe to call more than once and from any thread; after it returns,
     * the listener may still receive at most the callbacks already in flight, which the caller
     * must ignore (the watcher does so by connection generation).
     */
    void cancel();
}
