package dev.jobmonitor.demo.http;

/**
 * Low-level actions on one client connection, for streams and fault scenarios.
 *
 * <p>All methods may be called from any thread. After {@link #reset()} or {@link #close()}
 * every later write on the connection fails with an {@code IOException}.
 */
public interface ConnectionControl {

    /** Aborts the connection with a TCP RST ({@code SO_LINGER} 0, then close). */
    void reset();

    /** Closes the connection normally (FIN) without ending the current response. */
    void close();

    /** Returns whether the connection is closed, by either side as far as this side has seen. */
    boolean isClosed();

    /**
     * Checks, without blocking for long, whether the client has closed its side.
     * Only meaningful while the client is expected to send nothing, as during a stream.
     */
    boolean clientHasClosed();
}
