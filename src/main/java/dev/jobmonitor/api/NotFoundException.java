package dev.jobmonitor.api;

/** HTTP 404: the job or audience does not exist or belongs to another user. */
public final class NotFoundException extends ApiException {
    public NotFoundException(String serverError, String message) {
        super(404, serverError, message);
    }
}
