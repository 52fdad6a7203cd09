package dev.jobmonitor.api;

/** Told about every response that carried rate-limit headers; called on OkHttp threads. */
@FunctionalInterface
public interface RateLimitListener {
    void onRateLimit(RateLimitStatus status);

    RateLimitListener NONE = status -> { };
}
