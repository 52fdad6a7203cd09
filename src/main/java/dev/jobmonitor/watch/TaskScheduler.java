package dev.jobmonitor.watch;

import java.time.Duration;
import java.time.Instant;

/**
 * The one place an account's timed work runs: polls, reconnect backoff, token refresh. Tasks run
 * one at a time on a single thread, in the order they became due, so the state they touch needs
 * no locks. Tests substitute a manual implementation whose clock they advance.
 */
public interface TaskScheduler {
    /** The current time on this scheduler's clock. */
    Instant now();

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the scheduler thread as soon as possible. Callable from any thread. */
    void execute(Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Calls the task off if it has not started; does nothing otherwise. */
        void cancel();
    }
}
