package dev.jobmonitor.settings;

import java.time.Duration;

/**
 * How often a job is polled while its stream is down: first after {@code first}, then at
 * growing intervals up to {@code max}.
 */
public record PollingOptions(Duration first, Duration max) {
    /** The shortest interval allowed, so one job cannot spend the request budget alone. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(2);
    /** The maximum interval allowed, because a longer one would hide a job's end for too long. */
    public static final Duration MAX_INTERVAL = Duration.ofMinutes(5);
    public static final PollingOptions DEFAULTS =
            new PollingOptions(Duration.ofSeconds(3), Duration.ofSeconds(15));

    /** Rejects intervals outside {@link #MIN_INTERVAL} to {@link #MAX_INTERVAL}, or first above max. */
    public PollingOptions {
        check("First poll interval", first);
        check("Longest poll interval", max);
        if (first.compareTo(max) > 0) {
            throw new IllegalArgumentException("The first poll interval (" + first.toSeconds()
                    + " s) must not be longer than the longest one (" + max.toSeconds() + " s)");
        }
    }

    private static void check(String name, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (value.compareTo(MIN_INTERVAL) < 0 || value.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException(name + " must be between " + MIN_INTERVAL.toSeconds()
                    + " and " + MAX_INTERVAL.toSeconds() + " seconds, not " + value.toSeconds());
        }
    }
}
