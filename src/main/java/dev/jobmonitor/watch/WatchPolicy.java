package dev.jobmonitor.watch;

import java.time.Duration;

/**
 * Timing of a job watch, in one place.
 *
 * @param pollInitial    first status poll interval after a drop, and the interval after a change
 * @param pollMax        longest poll interval, reached by doubling while nothing changes
 * @param reconnectInitial first delay before reopening a dropped stream
 * @param reconnectMax   longest reconnect delay, reached by doubling
 * @param jitter         fraction (0 to 1) by which each reconnect delay is randomly shortened or
 *                       lengthened, so many clients do not reconnect in step
 * @param healthyStream  how long a stream must stay up before the reconnect backoff starts over
 * @param idleTimeout    silence (no bytes, comments included) after which an open stream counts
 *                       as dead; two 15 s keepalive intervals and a margin
 * @param stuckInQueue   how long an attempt may stay queued before it is flagged as probably
 *                       never picked up; workers normally start a job within seconds
 */
public record WatchPolicy(Duration pollInitial, Duration pollMax, Duration reconnectInitial,
                          Duration reconnectMax, double jitter, Duration healthyStream,
                          Duration idleTimeout, Duration stuckInQueue) {

    /** A policy with the default two minutes before a queued attempt counts as stuck. */
    public WatchPolicy(Duration pollInitial, Duration pollMax, Duration reconnectInitial,
                       Duration reconnectMax, double jitter, Duration healthyStream,
                       Duration idleTimeout) {
        this(pollInitial, pollMax, reconnectInitial, reconnectMax, jitter, healthyStream,
                idleTimeout, Duration.ofMinutes(2));
    }

    /** The defaults for the real backend. */
    public static WatchPolicy defaults() {
        return new WatchPolicy(Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 0.2, Duration.ofMinutes(1), Duration.ofSeconds(35),
                Duration.ofMinutes(2));
    }

    /** The same policy with the given first and longest status poll intervals. */
    public WatchPolicy withPolling(Duration first, Duration max) {
        return new WatchPolicy(first, max, reconnectInitial, reconnectMax, jitter, healthyStream,
                idleTimeout, stuckInQueue);
    }

    /** The same policy with every duration multiplied by {@code factor}, for fast tests. */
    public WatchPolicy scaled(double factor) {
        return new WatchPolicy(scale(pollInitial, factor), scale(pollMax, factor),
                scale(reconnectInitial, factor), scale(reconnectMax, factor), jitter,
                scale(healthyStream, factor), scale(idleTimeout, factor),
                scale(stuckInQueue, factor));
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofNanos(Math.max(1, Math.round(duration.toNanos() * factor)));
    }
}
