package dev.jobmonitor.api;

/** HTTP 401: the credentials or the access token were rejected. */
public final class UnauthorizedException extends ApiException {
    public UnauthorizedException(String serverError, String message) {
        super(401, serverError, message);
    }
}
