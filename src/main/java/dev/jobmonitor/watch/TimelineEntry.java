package dev.jobmonitor.watch;

import java.time.Instant;

/**
 * One event in the history of a watch: a connect, a drop, a fallback to polling, a resume, a
 * Retry, an outcome.
 *
 * @param at   when it happened, on the account scheduler's clock
 * @param kind what happened
 * @param text a short description for the job detail's timeline
 */
public record TimelineEntry(Instant at, Kind kind, String text) {

    /** The kinds of entry, each shown with its own marker. */
    public enum Kind {
        CONNECTED, DROPPED, POLLING, RESUMED, RETRY, CANCEL, STUCK, PAUSED, OUTCOME
    }
}
