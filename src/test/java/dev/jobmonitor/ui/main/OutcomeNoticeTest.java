package dev.jobmonitor.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jobmonitor.api.model.StrategyResult;
import dev.jobmonitor.ui.fakes.SnapshotBuilder;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.watch.WatchState;
import org.junit.jupiter.api.Test;

class OutcomeNoticeTest {
    private static final String JOB = "7c1d2e3f-aaaa-bbbb-cccc-000000000001";

    @Test
    void someStrategiesFailedReadsPartlyFailed() {
        OutcomeNotice notice = OutcomeNotice.of(SnapshotBuilder.running(JOB)
                .outcome(WatchState.PARTLY_FAILED, TestData.result(
                        new StrategyResult("s1", true, 30, null),
                        new StrategyResult("s2", false, 0, "Timed out")))
                .build(), "7c1d2e3f");

        assertEquals("Job 7c1d2e3f partly failed", notice.text());
    }

    @Test
    void everyStrategyFailedReadsAllFailed() {
        OutcomeNotice notice = OutcomeNotice.of(SnapshotBuilder.running(JOB)
                .outcome(WatchState.PARTLY_FAILED, TestData.result(
                        new StrategyResult("s1", false, 0, "Timed out")))
                .build(), "7c1d2e3f");

        assertEquals("Job 7c1d2e3f: all strategies failed", notice.text());
        assertEquals(WatchState.PARTLY_FAILED, notice.outcome());
    }
}
