package dev.jobmonitor.demo;

import java.time.Duration;

/**
 * A per-client-IP request budget: {@code maxRequests} per fixed {@code window}, counted from the
 * client's first request in the window. The window is scaled by {@link DemoConfig#timeFactor()}.
 */
public record RateLimit(int maxRequests, Duration window) {

    public RateLimit {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1, was " + maxRequests);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }

    /** The production budget of the real backend: 200 requests per 15 minutes. */
    public static RateLimit production() {
        return new RateLimit(200, Duration.ofMinutes(15));
    }
}
