package dev.jobmonitor.watch;

import dev.jobmonitor.api.RateLimitListener;
import dev.jobmonitor.api.RateLimitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Paces an account's timed requests (polls, stream reopens) inside the backend's request budget,
 * 200 requests per 15 minutes per IP on the real backend, stream opens included.
 *
 * <p>It counts recorded requests in a sliding window and also trusts the server's figures:
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} when a response carries them, and
 * {@code Retry-After} after a 429. Routine work keeps a reserve free, so that the requests that
 * confirm an outcome or that the user waits for still fit. Thread-safe.
 */
public final class RequestBudget implements RateLimitListener {
    /** How much a request matters when the budget runs low. */
    public enum Priority {
        /** Polls and stream reopens of a running job: they may wait. */
        ROUTINE,
        /** Requests the user is waiting for. */
        URGENT
    }

    private final Supplier<Instant> clock;
    private final int limit;
    private final Duration window;
    private final int reserve;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private Integer serverRemaining;
    private Instant serverResetAt;
    private Instant blockedUntil = Instant.MIN;
    private Instant waitingUntil;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();

    /**
     * The budget as shown to the user.
     *
     * @param limit        requests per window, from the server's headers or the default
     * @param remaining    requests left in the window as the server last reported, or null
     * @param resetAt      when the server's window starts over, or null when unknown
     * @param waitingUntil when requests held back for the budget may go again, or null when
     *                     nothing waits
     */
    public record State(int limit, Integer remaining, Instant resetAt, Instant waitingUntil) {
    }

    /**
     * @param clock  the time source, the account scheduler's clock in production
     * @param limit  requests allowed per window when the server does not report its own
     * @param window the length of the budget window
     */
    public RequestBudget(Supplier<Instant> clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.reserve = Math.max(1, limit / 5);
    }

    /** The real backend's budget: 200 requests per 15 minutes. */
    public static RequestBudget production(Supplier<Instant> clock) {
        return new RequestBudget(clock, 200, Duration.ofMinutes(15));
    }

    /** Adds a listener, called on the calling thread whenever {@link #state()} changes its wait. */
    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    /** The budget as last known. */
    public synchronized State state() {
        Instant now = clock.get();
        Instant waiting = waitingUntil != null && waitingUntil.isAfter(now) ? waitingUntil : null;
        Instant reset = serverResetAt != null && serverResetAt.isAfter(now) ? serverResetAt : null;
        return new State(limit, serverRemaining, reset, waiting);
    }

    /** Notes one request sent now. */
    public void recordRequest() {
        boolean cleared;
        synchronized (this) {
            Instant now = clock.get();
            prune(now);
            sent.addLast(now);
            if (serverRemaining != null && serverRemaining > 0) {
                serverRemaining--;
            }
            cleared = waitingUntil != null && !waitingUntil.isAfter(now);
            if (cleared) {
                waitingUntil = null;
            }
        }
        if (cleared) {
            notifyListeners();
        }
    }

    /** How long a request of this priority should wait; zero when it may go now. */
    public Duration delayFor(Priority priority) {
        Duration delay;
        boolean changed = false;
        synchronized (this) {
            delay = computeDelay(priority);
            if (!delay.isZero()) {
                Instant until = clock.get().plus(delay);
                changed = waitingUntil == null || until.isAfter(waitingUntil);
                if (changed) {
                    waitingUntil = until;
                }
            }
        }
        if (changed) {
            notifyListeners();
        }
        return delay;
    }

    private Duration computeDelay(Priority priority) {
        Instant now = clock.get();
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
        return clock.get().isBefore(blockedUntil) ? blockedUntil : null;
    }

    @Override
    public void onRateLimit(RateLimitStatus status) {
        boolean blocked;
        synchronized (this) {
            blocked = update(status);
        }
        if (blocked) {
            notifyListeners();
        }
    }

    /** Takes in the server's figures; returns whether a 429 now keeps requests waiting. */
    private boolean update(RateLimitStatus status) {
        Instant now = clock.get();
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
                waitingUntil = until;
                return true;
            }
        }
        return false;
    }

    private void notifyListeners() {
        State current = state();
        for (Consumer<State> listener : listeners) {
            listener.accept(current);
        }
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(window);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(horizon)) {
            sent.removeFirst();
        }
    }
}
