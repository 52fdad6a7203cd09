package dev.jobmonitor.api;

import java.time.Duration;

/** HTTP 429: the request budget of this client's IP is spent until {@link #retryAfter()}. */
public final class RateLimitedException extends ApiException {
    private final Duration retryAfter;

    public RateLimitedException(String serverError, String message, Duration retryAfter) {
        super(429, serverError, message);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before the next request, from {@code Retry-After}; never null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
