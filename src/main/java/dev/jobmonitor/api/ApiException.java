package dev.jobmonitor.api;

/**
 * A failed call to the backend: an HTTP error response, or no response at all.
 *
 * <p>{@link #status()} is the HTTP status, or 0 when the request never got a response (the server
 * was unreachable, the connection broke or timed out). {@link #serverError()} and
 * {@link #getMessage()} carry the server's own {@code error} and {@code message} fields when the body
 * had them, so the UI can show the backend's words.
 */
public class ApiException extends Exception {
    private final int status;
    private final String serverError;

    public ApiException(int status, String serverError, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverError = serverError;
    }

    public ApiException(int status, String serverError, String message) {
        this(status, serverError, message, null);
    }

    /** HTTP status code, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The {@code error} field of the server's JSON body, or null. */
    public String serverError() {
        return serverError;
    }

    /** True when the request never reached the server or its response was cut off. */
    public boolean isNetworkFailure() {
        return status == 0;
    }
}
