package dev.jobmonitor.ui.job;

import dev.jobmonitor.ui.ClockTicker;
import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.watch.AccountSession;
import java.time.Clock;
import java.util.Objects;

/**
 * Dependencies that every job ViewModel of one signed-in account shares.
 *
 * @param session the account the jobs belong to
 * @param handoff the path from watch threads to the FX thread
 * @param clock   time source for ETA countdowns and "last update" texts, and the zone of the
 *                times of day shown
 * @param ticker  the once-a-second tick that refreshes those texts
 * @param host    the screen showing the jobs
 */
public record JobContext(AccountSession session, FxHandoff handoff, Clock clock,
                         ClockTicker ticker, JobHost host) {
    public JobContext {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(host, "host");
    }
}
