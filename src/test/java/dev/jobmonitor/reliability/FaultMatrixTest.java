package dev.jobmonitor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.WatchState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
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

    static Stream<FaultScenario> scenarios() {
        return FaultScenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void outcomeSurvivesFault(FaultScenario scenario) throws Exception {
        long started = System.nanoTime();
        try (WatchHarness harness = new WatchHarness(
                DemoConfig.defaults().toBuilder().profile(scenario.profile()), dataDir)) {
            String jobId = harness.newJob(scenario.strategies(), scenario.outcome());
            scenario.inject(harness, jobId);

            WatchHarness.Watch watch = harness.watch(jobId);
            JobSnapshot shown = watch.awaitOutcome(OUTCOME_TIMEOUT);
            WatchState truth = ServerTruth.outcomeOf(harness.backend, jobId);
            int requests = harness.totalRequests();
            int after = harness.requestsDuringOneMoreJob();
            long noticed = watch.dropNoticedAfterMillis();
            long wall = (System.nanoTime() - started) / 1_000_000;
            record(scenario, truth, shown.state(), noticed, requests, after, watch.outcomeAnnouncements(), wall);

            assertEquals(truth, shown.state(), "outcome shown");
            assertEquals(1, watch.outcomeAnnouncements(), "announced once");
            assertEquals(0, after, "requests after the outcome");
            if (scenario.expectsFallback()) {
                assertTrue(watch.fellBack(), "fell back to polling");
            }
            if (scenario.maxNoticeMillis() > 0) {
                assertTrue(noticed >= 0 && noticed <= scenario.maxNoticeMillis(),
                        "dead stream noticed after " + noticed + " ms");
            }
        }
    }

    private static synchronized void record(FaultScenario scenario, WatchState truth, WatchState shown,
                                            long noticed, int requests, int after, int announcements,
                                            long wall) {
        REPORT.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %d | %d | %s |",
                scenario.name(), scenario.fault(), scenario.expected(),
                truth, shown, noticed < 0 ? "no drop" : noticed + " ms", requests, after,
                announcements, wall + " ms"));
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
                + " | requests (sign-in included) | requests after outcome | outcome announcements | wall time |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        REPORT.stream().sorted().forEach(lines::add);
        ReliabilityReport.writeSection(Path.of(target), "fault-matrix", lines);
    }

    /** One fault scenario of the matrix. */
    interface FaultScenario {
        String name();

        String fault();

        String expected();

        default ProgressProfile profile() {
            return ProgressProfile.CURRENT;
        }

        default int strategies() {
            return 1;
        }

        default JobOutcome outcome() {
            return JobOutcome.SUCCESS;
        }

        default boolean expectsFallback() {
            return true;
        }

        /** Upper bound for noticing a dead stream, or 0 when the scenario does not measure it. */
        default long maxNoticeMillis() {
            return 0;
        }

        void inject(WatchHarness harness, String jobId) throws Exception;
    }
}
