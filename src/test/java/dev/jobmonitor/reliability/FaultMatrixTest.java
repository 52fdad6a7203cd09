package dev.jobmonitor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.WatchState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.JobOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scripted fault against the demo backend and checks, for each, that the outcome
 * shown is the server's, that a dead stream is noticed in time, and that the job makes no
 * request after its outcome. With {@code -Djobmonitor.reliabilityReport=FILE} it also writes
 * the results as a Markdown table.
 */
class FaultMatrixTest {
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(40);
    private static final List<String> REPORT = new ArrayList<>();

    @TempDir
    Path dataDir;

    static Stream<FaultScenarios.Scenario> scenarios() {
        return FaultScenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void outcomeSurvivesFault(FaultScenarios.Scenario scenario) throws Exception {
        long started = System.nanoTime();
        DemoConfig.Builder config = DemoConfig.defaults().toBuilder().profile(scenario.profile());
        if (scenario.jobMinutes() > 0) {
            Duration length = Duration.ofMinutes(scenario.jobMinutes());
            config.jobDuration(length, length);
        }
        try (WatchHarness harness = new WatchHarness(config, dataDir)) {
            String jobId = harness.newJob(scenario.strategies(), scenario.outcome());
            scenario.inject().run(harness, jobId);

            WatchHarness.Watch watch = harness.watch(jobId);
            WatchHarness.await(() -> watch.job.snapshot().progress() > 0
                    || watch.job.snapshot().isFinished(), OUTCOME_TIMEOUT);
            scenario.midway().run(harness, jobId);
            JobSnapshot shown = watch.awaitOutcome(OUTCOME_TIMEOUT);
            WatchState truth = ServerTruth.outcomeOf(harness.backend, jobId);
            int requests = harness.totalRequests();
            harness.backend.faults().clear();
            harness.requestsDuringOneMoreJob();
            long after = watch.requestsAfterOutcome();
            long noticed = watch.dropNoticedAfterMillis();
            long wall = (System.nanoTime() - started) / 1_000_000;
            record(scenario.name(), scenario.fault(), scenario.expected(), String.valueOf(truth),
                    String.valueOf(shown.state()), noticed < 0 ? "no drop" : noticed + " ms",
                    requests, after, watch.outcomeAnnouncements(), wall);

            assertEquals(truth, shown.state(), "outcome shown");
            assertEquals(1, watch.outcomeAnnouncements(), "announced once");
            assertEquals(0L, after, "requests after the outcome");
            assertProgressNeverDecreases(watch);
            if (scenario.expectsFallback()) {
                assertTrue(watch.fellBack(), "fell back to polling");
            } else {
                assertFalse(watch.fellBack(), "stayed live");
            }
            if (scenario.maxNoticeMillis() > 0) {
                assertTrue(noticed >= 0, "the dead stream was noticed");
                assertTrue(noticed <= scenario.maxNoticeMillis(),
                        "dead stream noticed after " + noticed + " ms");
            }
            scenario.check().verify(watch);
        }
    }

    @Test
    void purgedJobIsNeverShownAsOutcome() throws Exception {
        long started = System.nanoTime();
        try (WatchHarness harness = new WatchHarness(DemoConfig.defaults().toBuilder()
                .jobDuration(Duration.ofMinutes(5), Duration.ofMinutes(5)), dataDir)) {
            String jobId = harness.newJob(1, JobOutcome.SUCCESS);
            WatchHarness.Watch watch = harness.watch(jobId);
            WatchHarness.await(() -> watch.job.snapshot().state() == WatchState.LIVE, OUTCOME_TIMEOUT);

            harness.backend.faults().onJob(jobId).purge();
            harness.backend.restart();
            WatchHarness.await(() -> String.valueOf(watch.job.snapshot().notice())
                    .contains("cannot find this job"), OUTCOME_TIMEOUT);
            int during = harness.requestsDuringOneMoreJob();
            long wall = (System.nanoTime() - started) / 1_000_000;
            record("purged-job", "job deleted mid-run: status and stream answer 404 from then on",
                    "a notice says the job is not found; after a minute of 404s no more stream"
                            + " reopens and a status check every 5 minutes; no outcome is invented",
                    "(gone)",
                    String.valueOf(watch.job.snapshot().state()), "-", harness.totalRequests(),
                    during, watch.outcomeAnnouncements(), wall);

            assertFalse(watch.job.snapshot().isFinished());
            assertEquals(0, watch.outcomeAnnouncements());
            // One more job lasts five scaled minutes: after one scaled minute of 404s the watch
            // stops reopening the stream and checks the status every five scaled minutes.
            assertTrue(during <= 14, during + " requests while one more job ran");
        }
    }

    @Test
    void expiredSessionPausesThenResumesAfterSignIn() throws Exception {
        long started = System.nanoTime();
        try (WatchHarness harness = new WatchHarness(DemoConfig.defaults().toBuilder()
                .jobDuration(Duration.ofMinutes(2), Duration.ofMinutes(2)), dataDir)) {
            String jobId = harness.newJob(1, JobOutcome.SUCCESS);
            WatchHarness.Watch watch = harness.watch(jobId);
            WatchHarness.await(() -> watch.job.snapshot().progress() > 0, OUTCOME_TIMEOUT);

            harness.backend.faults().invalidateAccessTokens();
            harness.backend.faults().invalidateRefreshTokens();
            harness.backend.restart();
            WatchHarness.await(() -> watch.job.snapshot().state() == WatchState.PAUSED, OUTCOME_TIMEOUT);
            int progressWhilePaused = watch.job.snapshot().progress();
            harness.backend.faults().clear();
            harness.session.signInAgain(DemoBackend.DEMO_PASSWORD.toCharArray())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            JobSnapshot shown = watch.awaitOutcome(OUTCOME_TIMEOUT);
            WatchState truth = ServerTruth.outcomeOf(harness.backend, jobId);
            harness.requestsDuringOneMoreJob();
            long after = watch.requestsAfterOutcome();
            record("session-expired", "access and refresh tokens revoked mid-job, API restarted",
                    "401, refresh rejected, every watch paused with its last state; after"
                            + " signing in again the watch resumes", String.valueOf(truth),
                    String.valueOf(shown.state()), "-", harness.totalRequests(), after,
                    watch.outcomeAnnouncements(), (System.nanoTime() - started) / 1_000_000);

            assertTrue(progressWhilePaused > 0, "last known progress kept while paused");
            assertEquals(truth, shown.state());
            assertEquals(0L, after);
        }
    }

    @Test
    void retryThatStaysQueuedIsFlagged() throws Exception {
        long started = System.nanoTime();
        try (WatchHarness harness = new WatchHarness(DemoConfig.defaults().toBuilder(), dataDir)) {
            String jobId = harness.newJob(1, JobOutcome.JOB_FAILURE);
            harness.backend.faults().onJob(jobId).retryStaysQueued(true);
            WatchHarness.Watch watch = harness.watch(jobId);
            assertEquals(WatchState.FAILED, watch.awaitOutcome(OUTCOME_TIMEOUT).state());

            watch.job.retry();
            WatchHarness.await(() -> watch.job.snapshot().stuckInQueue(), OUTCOME_TIMEOUT);
            record("retry-stays-queued", "Retry accepted but the job is never run again",
                    "after the stuck threshold (2 min, scaled) the job is flagged as probably"
                            + " not re-run, with since when", "queued",
                    "flagged stuck", "-", harness.totalRequests(), 0, watch.outcomeAnnouncements(),
                    (System.nanoTime() - started) / 1_000_000);

            assertEquals(2, watch.job.snapshot().attempt());
            assertTrue(watch.job.snapshot().notice().contains("did not run it again"));
        }
    }

    private static void assertProgressNeverDecreases(WatchHarness.Watch watch) {
        int previous = 0;
        int attempt = 1;
        for (WatchHarness.Arrival arrival : watch.arrivals) {
            if (arrival.snapshot().attempt() != attempt) {
                attempt = arrival.snapshot().attempt();
                previous = 0;
            }
            assertTrue(arrival.snapshot().progress() >= previous,
                    "progress fell from " + previous + " to " + arrival.snapshot().progress());
            previous = arrival.snapshot().progress();
        }
    }

    static synchronized void record(String name, String fault, String expected, String truth,
                                    String shown, String noticed, int requests, long after,
                                    int announcements, long wall) {
        REPORT.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %d | %d | %s |",
                name, fault, expected, truth, shown, noticed, requests, after, announcements,
                wall + " ms"));
    }

    @AfterAll
    static void writeReport() throws IOException {
        String target = System.getProperty("jobmonitor.reliabilityReport");
        if (target == null || target.isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>(ReliabilityReport.header("Fault matrix", String.format(
                Locale.ROOT, "Demo backend and client timings scaled by %.2f: keepalive every %d ms,"
                        + " idle timeout %d ms, first poll after %d ms.", WatchHarness.TIME_FACTOR,
                Math.round(15_000 * WatchHarness.TIME_FACTOR),
                WatchHarness.POLICY.idleTimeout().toMillis(),
                WatchHarness.POLICY.pollInitial().toMillis())));
        lines.add("| scenario | fault | expected behaviour | server outcome | shown | drop noticed after"
                + " | requests seen by the server | requests sent after the outcome | outcome announcements | wall time |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        REPORT.stream().sorted().forEach(lines::add);
        ReliabilityReport.writeSection(Path.of(target), "fault-matrix", lines);
    }
}
