package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-04T15:42:57Z"), ZoneOffset.UTC);

    @Test
    void recordedSuccessHeadersParse() {
        Optional<RateLimitStatus> status = RateLimitHeaders.parse(
                Captures.headers("rl-audiences-get.headers.txt"), CLOCK);

        assertEquals(Optional.of(new RateLimitStatus(50, 49, Duration.ofSeconds(60), null)), status);
    }

    @Test
    void recordedRateLimitedHeadersParse() {
        Optional<RateLimitStatus> status =
                RateLimitHeaders.parse(Captures.headers("rl-429.headers.txt"), CLOCK);

        assertEquals(Optional.of(new RateLimitStatus(
                50, 0, Duration.ofSeconds(41), Duration.ofSeconds(41))), status);
    }

    @Test
    void responseWithoutHeadersReportsNothing() {
        Headers headers = Captures.headers("stream-success.headers.txt");

        assertTrue(RateLimitHeaders.parse(headers, CLOCK).isEmpty());
    }

    @Test
    void retryAfterHttpDateCountsFromNow() {
        Headers headers = Headers.of("Retry-After", "Fri, 04 Dec 2026 15:44:27 GMT");

        assertEquals(Duration.ofSeconds(90), RateLimitHeaders.retryAfter(headers, CLOCK));
    }

    @Test
    void retryAfterDateInPastIsZero() {
        Headers headers = Headers.of("Retry-After", "Fri, 04 Dec 2026 15:00:00 GMT");

        assertEquals(Duration.ZERO, RateLimitHeaders.retryAfter(headers, CLOCK));
    }

    @Test
    void invalidValuesAreLeftOut() {
        Headers headers = Headers.of("RateLimit-Limit", "many", "RateLimit-Remaining", " 7 ",
                "Retry-After", "soon");

        RateLimitStatus status = RateLimitHeaders.parse(headers, CLOCK).orElseThrow();

        assertNull(status.limit());
        assertEquals(7, status.remaining());
        assertNull(status.reset());
        assertNull(status.retryAfter());
    }
}
