package dev.jobmonitor.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the backend's rate-limit headers. The backend (express-rate-limit with standard headers)
 * sends {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} in
 * seconds, and {@code Retry-After} in seconds on a 429. Retry-After may also be an HTTP date.
 */
final class RateLimitHeaders {
    private static final Logger LOGGER = LoggerFactory.getLogger(RateLimitHeaders.class);

    /** Wait used when a 429 carries no usable Retry-After. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private RateLimitHeaders() {
    }

    /** Returns the status the headers report, or empty when none of the four headers is present. */
    static Optional<RateLimitStatus> parse(Headers headers, Clock clock) {
        boolean present = headers.get("RateLimit-Limit") != null
                || headers.get("RateLimit-Remaining") != null
                || headers.get("RateLimit-Reset") != null
                || headers.get("Retry-After") != null;
        if (!present) {
            return Optional.empty();
        }
        Integer reset = integer(headers, "RateLimit-Reset");
        return Optional.of(new RateLimitStatus(
                integer(headers, "RateLimit-Limit"),
                integer(headers, "RateLimit-Remaining"),
                reset == null ? null : Duration.ofSeconds(Math.max(0, reset)),
                retryAfter(headers, clock)));
    }

    /** Returns the Retry-After delay, never negative, or null when absent or invalid. */
    static Duration retryAfter(Headers headers, Clock clock) {
        String value = headers.get("Retry-After");
        if (value == null) {
            return null;
        }
        Integer seconds = parseInteger(value);
        if (seconds != null) {
            return Duration.ofSeconds(Math.max(0, seconds));
        }
        Date date = headers.getDate("Retry-After");
        if (date == null) {
            LOGGER.warn("Ignoring invalid Retry-After header '{}'", value);
            return null;
        }
        Duration untilDate = Duration.between(clock.instant(), date.toInstant());
        return untilDate.isNegative() ? Duration.ZERO : untilDate;
    }

    private static Integer integer(Headers headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            return null;
        }
        Integer parsed = parseInteger(value);
        if (parsed == null) {
            LOGGER.warn("Ignoring invalid {} header '{}'", name, value);
        }
        return parsed;
    }

    private static Integer parseInteger(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
