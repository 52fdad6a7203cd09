package dev.jobmonitor.api;

import java.time.Duration;

/**
 * The backend's request budget as one response reported it in its {@code RateLimit-*} headers.
 * {@code limit} and {@code remaining} are null when absent; {@code reset} is the time left in the
 * window; {@code retryAfter} is set only on a 429.
 */
public record RateLimitStatus(Integer limit, Integer remaining, Duration reset, Duration retryAfter) {
}
