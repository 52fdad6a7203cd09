package dev.jobmonitor.demo.http;

/** A request that cannot be parsed; the connection responds with {@link #status()} and closes. */
final class BadRequestException extends Exception {
    private final int status;

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
