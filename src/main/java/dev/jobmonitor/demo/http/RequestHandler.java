package dev.jobmonitor.demo.http;

import java.io.IOException;

/** Handles one request. Called on the connection's own thread, one exchange at a time. */
@FunctionalInterface
public interface RequestHandler {

    /**
     * Sends a response through the exchange. A handler may block for as long as a stream lasts.
     * An {@code IOException} means the connection broke and is then closed.
     */
    void handle(Exchange exchange) throws IOException;
}
