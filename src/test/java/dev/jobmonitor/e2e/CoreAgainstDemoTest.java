package dev.jobmonitor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.demo.StreamFault;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.JobText;
import dev.jobmonitor.watch.KnownJob;
import dev.jobmonitor.watch.Phases;
import dev.jobmonitor.watch.WatchState;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client core (HTTP, SSE, watcher) against the embedded demo backend, in both profiles. */
class CoreAgainstDemoTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ProgressProfile.class)
    void bundleJobRunsToSuccess(ProgressProfile profile) throws Exception {
        try (DemoFixture demo = new DemoFixture(profile, dataDir)) {
            DemoFixture.Recording watch = demo.watch(demo.newJob(3, JobOutcome.SUCCESS));

            JobSnapshot last = watch.awaitOutcome();

            assertEquals(WatchState.SUCCEEDED, last.state());
            assertEquals(100, last.progress());
            assertEquals(3, last.result().results().size());
            assertProgressNeverDecreases(watch.snapshots);
            Set<String> phases = watch.snapshots.stream().map(JobSnapshot::phase)
                    .filter(p -> p != null).collect(Collectors.toCollection(TreeSet::new));
            if (profile == ProgressProfile.DOCUMENTED) {
                assertEquals(new TreeSet<>(Phases.KNOWN), phases);
                assertTrue(watch.snapshots.stream().anyMatch(s ->
                        "Strategy 3 of 3".equals(JobText.strategyBadge(s).orElse(null))));
            } else {
                assertEquals(Set.of("trends"), phases);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProgressProfile.class)
    void partialFailureShowsFailedStrategy(ProgressProfile profile) throws Exception {
        try (DemoFixture demo = new DemoFixture(profile, dataDir)) {
            JobSnapshot last = demo.watch(demo.newJob(3, JobOutcome.PARTIAL_FAILURE)).awaitOutcome();

            assertEquals(WatchState.PARTLY_FAILED, last.state());
            assertEquals(1, last.result().results().stream().filter(r -> !r.succeeded()).count());
        }
    }

    @ParameterizedTest
    @EnumSource(ProgressProfile.class)
    void cancelledJobFailsWithProgressHundred(ProgressProfile profile) throws Exception {
        try (DemoFixture demo = new DemoFixture(profile, dataDir)) {
            JobSnapshot last = demo.watch(demo.newJob(1, JobOutcome.CANCELLED)).awaitOutcome();

            assertEquals(WatchState.FAILED, last.state());
            assertEquals("Cancelled", last.error());
            assertEquals(100, last.progress());
        }
    }

    @Test
    void failedJobRetriesAndSucceeds() throws Exception {
        try (DemoFixture demo = new DemoFixture(ProgressProfile.DOCUMENTED, dataDir)) {
            DemoFixture.Recording watch = demo.watch(demo.newJob(1, JobOutcome.JOB_FAILURE));
            assertEquals(WatchState.FAILED, watch.awaitOutcome().state());

            DemoFixture.Recording retried = new DemoFixture.Recording(watch.job);
            watch.job.addListener(snapshot -> {
                if (snapshot.attempt() == 2) {
                    retried.add(snapshot);
                }
            });
            watch.job.retry();
            JobSnapshot last = retried.awaitOutcome();

            assertEquals(WatchState.SUCCEEDED, last.state());
            assertEquals(0, retried.snapshots.get(0).progress(), "the new attempt starts from 0");
            assertProgressNeverDecreases(retried.snapshots);
        }
    }

    @Test
    void droppedStreamFallsBackAndStillGetsOutcome() throws Exception {
        try (DemoFixture demo = new DemoFixture(ProgressProfile.CURRENT, dataDir)) {
            String jobId = demo.newJob(1, JobOutcome.SUCCESS);
            demo.backend.injectFault(jobId, StreamFault.resetMidEvent(2));

            DemoFixture.Recording watch = demo.watch(jobId);
            JobSnapshot last = watch.awaitOutcome();

            assertEquals(WatchState.SUCCEEDED, last.state());
            assertTrue(watch.snapshots.stream().anyMatch(s -> s.state() == WatchState.POLLING),
                    "the drop was bridged by polling");
            assertTrue(demo.backend.requestCount("GET", "/api/v1/jobs/:id/status") >= 1);
        }
    }

    @Test
    void audiencesRevealRunningJobs() throws Exception {
        try (DemoFixture demo = new DemoFixture(ProgressProfile.DOCUMENTED, dataDir)) {
            String bundle = demo.backend.seedJobIds().get(0);

            demo.session.loadAudiences().get(10, TimeUnit.SECONDS);

            List<KnownJob> known = demo.session.knownJobs();
            KnownJob found = known.stream().filter(j -> j.jobId().equals(bundle)).findFirst().orElseThrow();
            assertEquals(KnownJob.Source.DISCOVERED, found.source());
            assertEquals(3, found.audienceIds().size());
        }
    }

    private static void assertProgressNeverDecreases(List<JobSnapshot> snapshots) {
        int previous = 0;
        for (JobSnapshot snapshot : snapshots) {
            assertTrue(snapshot.progress() >= previous,
                    "progress went from " + previous + " to " + snapshot.progress());
            previous = snapshot.progress();
        }
    }
}
