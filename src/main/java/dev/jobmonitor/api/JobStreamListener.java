package dev.jobmonitor.api;

/**
 * Receives what happens on one job stream. Every method is called on an OkHttp thread, never on
 * the JavaFX thread, one call at a time per stream. Implementations must not block.
 */
public interface JobStreamListener {
    /** The server answered 200 with an event stream; events follow. */
    void onOpen(JobStream stream);

    /** A complete event arrived. */
    void onEvent(JobStream stream, JobEvent event);

    /**
     * Bytes arrived on the stream, comments such as {@code : keepalive} included. Lets a watchdog
     * tell a quiet stream from a dead one.
     */
    default void onActivity(JobStream stream) {
    }

    /** The server ended the response normally. Not called after {@link JobStream#cancel()}. */
    void onClosed(JobStream stream);

    /**
     * The stream could not be opened (an HTTP error or no connection) or broke while open. Not
     * called after {@link JobStream#cancel()}.
     */
    void onFailure(JobStream stream, ApiException error);
}
