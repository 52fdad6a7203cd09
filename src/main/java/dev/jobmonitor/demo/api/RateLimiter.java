package dev.jobmonitor.demo.api;

import dev.jobmonitor.demo.RateLimit;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A fixed-window request budget per client IP, like express-rate-limit's memory store: a
 * client's window starts at its first request, and requests over the budget still count.
 * Thread-safe.
 */
public final class RateLimiter {
    private final int maxRequests;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new HashMap<>();

    /** The verdict on one request, with the values of the {@code RateLimit-*} headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds,
            long windowSeconds) {
    }

    private static final class Window {
        long startNanos;
        int count;
    }

    /** @param window the window after time scaling */
    public RateLimiter(RateLimit limit, Duration window, LongSupplier nanoTime) {
        this.maxRequests = limit.maxRequests();
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    public synchronized Decision hit(String clientAddress) {
        long now = nanoTime.getAsLong();
        Window window = windows.computeIfAbsent(clientAddress, key -> new Window());
        if (window.count == 0 || now - window.startNanos >= windowNanos) {
            window.startNanos = now;
            window.count = 0;
        }
        window.count++;
        long left = window.startNanos + windowNanos - now;
        int remaining = Math.max(0, maxRequests - window.count);
        return new Decision(window.count <= maxRequests, maxRequests, remaining, ceilSeconds(left),
                ceilSeconds(windowNanos));
    }

    /** Rounds up to whole seconds, at least 1, as headers carry seconds. */
    private static long ceilSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
