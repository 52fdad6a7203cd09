package dev.jobmonitor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.demo.RateLimit;
import dev.jobmonitor.demo.StreamFault;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.WatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty five-minute jobs whose streams keep stalling, against the demo backend's real request
 * budget (200 per 15 minutes, scaled): the client has to pace itself, no request is refused
 * with 429, and every job still reaches its true outcome.
 */
class RateLimitPacingTest {
    private static final int JOBS = 20;

    @TempDir
    Path dataDir;

    @Test
    void steadyUseNeverHitsLimit() throws Exception {
        try (WatchHarness harness = new WatchHarness(DemoConfig.defaults().toBuilder()
                .profile(ProgressProfile.CURRENT).rateLimit(RateLimit.production())
                .jobDuration(Duration.ofMinutes(5), Duration.ofMinutes(5)), dataDir)) {
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                String jobId = harness.newJob(1, JobOutcome.SUCCESS);
                // Every stream of the job stalls, so the client falls back to polling each time.
                harness.backend.injectFault(jobId, StreamFault.stall(1).forStreams(1000));
                jobs.add(jobId);
            }
            List<WatchHarness.Watch> watches = new ArrayList<>();
            for (String jobId : jobs) {
                watches.add(harness.watch(jobId));
            }

            List<String> refused = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                JobSnapshot shown = watches.get(i).awaitOutcome(Duration.ofSeconds(60));
                assertEquals(ServerTruth.outcomeOf(harness.backend, jobs.get(i)), shown.state());
                watches.get(i).arrivals.stream()
                        .map(arrival -> arrival.snapshot().notice())
                        .filter(notice -> notice != null && notice.startsWith("Rate limited"))
                        .forEach(refused::add);
            }

            long paced = watches.stream().flatMap(w -> w.arrivals.stream())
                    .map(arrival -> arrival.snapshot().notice())
                    .filter(notice -> notice != null && notice.startsWith("Waiting for the server's request limit"))
                    .count();
            assertEquals(List.of(), refused, "requests refused with 429");
            assertTrue(paced > 0, "the client had to wait for the budget at least once");
            assertEquals(JOBS, watches.stream().filter(w -> w.job.snapshot().state() == WatchState.SUCCEEDED).count());
        }
    }
}
