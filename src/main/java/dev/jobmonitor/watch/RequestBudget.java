package dev.jobmonitor.watch;

import dev.jobmonitor.api.RateLimitListener;
import dev.jobmonitor.api.RateLimitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paces an account's timed requests (polls, stream reopens) inside the backend's request budget,
 * 200 requests per 15 minutes per IP on the real backend, stream opens included.
 *
 * <p>It counts recorded requests in a sliding window and also trusts the server's figures:
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} when a response carries them, and
 * {@code Retry-After} after a 429. Routine work keeps a reserve free, so that the requests that
 * confirm an outcome or answer the user still fit. Thread-safe.
 */
public final class RequestBudget implements RateLimitListener {
    /** How much a request matters when the budget runs low. */
    public enum Priority {
        /** Polls and stream reopens of a running job: they may wait. */
        ROUTINE,
        /** Requests the user is waiting for. */
        URGENT
    }

    private final TaskScheduler scheduler;
    private final int limit;
    private final Duration window;
    private final int reserve;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private Integer serverRemaining;
    private Instant serverResetAt;
    private Instant blockedUntil = Instant.MIN;

    /**
     * @param limit  requests allowed per window when the server does not say otherwise
     * @param window the length of the budget window
     */
    public RequestBudget(TaskScheduler scheduler, int limit, Duration window) {
        this.scheduler = scheduler;
        this.limit = limit;
        this.window = window;
        this.reserve = Math.max(1, limit / 5);
    }

    /** The real backend's budget: 200 requests per 15 minutes. */
    public static RequestBudget production(TaskScheduler scheduler) {
        return new RequestBudget(scheduler, 200, Duration.ofMinutes(15));
    }

    /** Notes one request sent now. */
    public synchronized void recordRequest() {
        Instant now = scheduler.now();
        prune(now);
        sent.addLast(now);
        if (serverRemaining != null && serverRemaining > 0) {
            serverRemaining--;
        }
    }

    /** How long a request of this priority should wait; zero when it may go now. */
    public synchronized Duration delayFor(Priority priority) {
        Instant now = scheduler.now();
        prune(now);
        if (now.isBefore(blockedUntil)) {
            return Duration.between(now, blockedUntil);
        }
        int keep = priority == Priority.URGENT ? 0 : reserve;
        if (serverRemaining != null && serverResetAt != null && now.isBefore(serverResetAt)
                && serverRemaining <= keep) {
            return Duration.between(now, serverResetAt);
        }
        if (sent.size() >= limit - keep && !sent.isEmpty()) {
            Instant frees = sent.peekFirst().plus(window);
            return frees.isAfter(now) ? Duration.between(now, frees) : Duration.ZERO;
        }
        return Duration.ZERO;
    }

    /** When requests may resume after a 429, from its {@code Retry-After}; null when not blocked. */
    public synchronized Instant blockedUntil() {
        return scheduler.now().isBefore(blockedUntil) ? blockedUntil : null;
    }

    @Override
    public synchronized void onRateLimit(RateLimitStatus status) {
        Instant now = scheduler.now();
        if (status.remaining() != null) {
            serverRemaining = status.remaining();
        }
        if (status.reset() != null) {
            serverResetAt = now.plus(status.reset());
        }
        if (status.retryAfter() != null) {
            Instant until = now.plus(status.retryAfter());
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
            }
        }
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(window);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(horizon)) {
            sent.removeFirst();
        }
    }
}
