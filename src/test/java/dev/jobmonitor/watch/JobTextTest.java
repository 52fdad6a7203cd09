package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.model.ServerJobState;
import dev.jobmonitor.api.model.StrategyResult;
import dev.jobmonitor.api.model.CalendarResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobTextTest {
    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void etaCountsDownAndNeverShowsZero() {
        JobSnapshot job = running(8, "Fetching trending topics...", 55, T0);

        for (int second = 0; second <= 600; second++) {
            String text = JobText.eta(job, T0.plusSeconds(second)).orElseThrow();
            assertFalse(text.contains(" 0s") || text.contains("-"), "at " + second + " s: " + text);
        }
        assertEquals("About 55s remaining", JobText.eta(job, T0).orElseThrow());
        assertEquals("About 15s remaining", JobText.eta(job, T0.plusSeconds(40)).orElseThrow());
        assertEquals("About 1s remaining", JobText.eta(job, T0.plusMillis(54_000)).orElseThrow());
        assertEquals("Taking longer than estimated", JobText.eta(job, T0.plusMillis(54_001)).orElseThrow());
        assertTrue(JobText.isOverdue(job, T0.plusSeconds(300)));
    }

    @Test
    void etaHiddenWithoutEstimateOrAfterOutcome() {
        assertTrue(JobText.eta(running(100, "Complete", null, T0), T0).isEmpty());
        JobSnapshot done = new JobSnapshot("j", 1, WatchState.SUCCEEDED, ServerJobState.SUCCEEDED, 100,
                null, null, null, null, 30, T0, T0, null, null, null, null);
        assertTrue(JobText.eta(done, T0).isEmpty());
    }

    @Test
    void etaHiddenWhileQueued() {
        JobSnapshot retried = new JobSnapshot("j", 2, WatchState.LIVE, ServerJobState.QUEUED, 0,
                null, null, null, null, 55, T0, T0, null, null, null, null);

        assertTrue(JobText.eta(retried, T0).isEmpty());
    }

    @Test
    void longEstimatesUseMinutes() {
        assertEquals("About 1m 26s remaining", JobText.eta(running(5, "x", 86, T0), T0).orElseThrow());
    }

    @Test
    void badgeOnlyForMoreThanOneStrategy() {
        JobSnapshot single = withStrategies(0, 1);
        JobSnapshot bundle = withStrategies(2, 3);

        assertTrue(JobText.strategyBadge(single).isEmpty());
        assertEquals("Strategy 3 of 3", JobText.strategyBadge(bundle).orElseThrow());
    }

    @Test
    void stepLabelDropsStrategyPrefix() {
        JobSnapshot job = running(53, "Strategy 2 of 3: Generating 30-day content ideas with AI...", 42, T0);

        assertEquals("Generating 30-day content ideas with AI...", JobText.stepLabel(job));
    }

    @Test
    void sinceLastUpdateCountsFromLastChange() {
        JobSnapshot job = running(8, "x", 55, T0);

        assertEquals("Last update 1m 5s ago", JobText.sinceLastUpdate(job, T0.plusSeconds(65)).orElseThrow());
    }

    @Test
    void notFoundForLongOnlyFromItsNotice() {
        JobSnapshot job = running(40, "x", 30, T0);

        assertFalse(JobText.isNotFoundForLong(job));
        assertFalse(JobText.isNotFoundForLong(job.withNotice("The server cannot find this job (404).")));
        assertTrue(JobText.isNotFoundForLong(job.withNotice(JobText.NOT_FOUND_NOTICE_START
                + "12:00:00; it may have been deleted. Checking again every 5m.")));
    }

    @Test
    void allFailedJobIsNotCalledPartlyFailed() {
        CalendarResult allFailed = new CalendarResult(false, 1, 0, 1,
                List.of(new StrategyResult("s1", false, null, "No ideas generated")));
        CalendarResult oneFailed = new CalendarResult(true, 2, 1, 1, List.of(
                new StrategyResult("s1", true, 30, null), new StrategyResult("s2", false, null, "x")));

        assertEquals("All failed", JobText.stateLabel(finished(allFailed)));
        assertEquals("Partly failed", JobText.stateLabel(finished(oneFailed)));
    }

    private static JobSnapshot finished(CalendarResult result) {
        return new JobSnapshot("j", 1, WatchState.PARTLY_FAILED, ServerJobState.SUCCEEDED, 100, null,
                null, null, null, null, null, T0, null, null, result, null);
    }

    private static JobSnapshot running(int progress, String step, Integer eta, Instant at) {
        return new JobSnapshot("j", 1, WatchState.LIVE, ServerJobState.RUNNING, progress, null, null,
                null, step, eta, eta == null ? null : at, at, null, null, null, null);
    }

    private static JobSnapshot withStrategies(int index, int total) {
        return new JobSnapshot("j", 1, WatchState.LIVE, ServerJobState.RUNNING, 40, "keywords", index,
                total, "Loading SEO keywords...", 50, T0, T0, null, null, null, null);
    }
}
