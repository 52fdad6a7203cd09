package dev.jobmonitor.api;

import java.io.IOException;

/** No usable answer: connection refused, reset, timed out, or a body that could not be read. */
public final class NetworkException extends ApiException {
    public NetworkException(String message, IOException cause) {
        super(0, null, message, cause);
    }
}
