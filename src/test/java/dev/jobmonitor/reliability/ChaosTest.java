package dev.jobmonitor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.demo.StreamFault;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.WatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watches many jobs at once while the demo backend injects seeded random faults, then checks
 * that every job ends in its true final state, none lost and none announced twice.
 */
class ChaosTest {
    private static final int JOBS = 100;
    private static final long SEED = Long.getLong("jobmonitor.chaosSeed", 20261204L);
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void everyJobEndsInItsTrueState() throws Exception {
        Random random = new Random(SEED);
        long started = System.nanoTime();
        // The demo's chaos scenario adds, per job and request, a seeded mix of 5xx responses,
        // early 404s, content faults, line endings and chunking to the stream faults below.
        try (WatchHarness harness = new WatchHarness(DemoConfig.defaults().toBuilder()
                .profile(ProgressProfile.DOCUMENTED).randomSeed(SEED).scenario("chaos"), dataDir,
                100_000)) {
            Map<String, String> faults = new LinkedHashMap<>();
            Map<String, WatchHarness.Watch> watches = new LinkedHashMap<>();
            for (int i = 0; i < JOBS; i++) {
                JobOutcome outcome = JobOutcome.values()[random.nextInt(JobOutcome.values().length)];
                String jobId = harness.newJob(1 + random.nextInt(3), outcome);
                faults.put(jobId, injectRandomFault(harness, jobId, random));
            }
            for (String jobId : faults.keySet()) {
                watches.put(jobId, harness.watch(jobId));
            }
            // A restart of the API process while the streams are open drops every one at once.
            WatchHarness.await(() -> watches.values().stream().allMatch(watch -> {
                WatchState state = watch.job.snapshot().state();
                return state == WatchState.LIVE || state.isOutcome();
            }), Duration.ofSeconds(30));
            harness.backend.restart();

            List<String> wrong = new ArrayList<>();
            Map<String, Integer> byFault = new TreeMap<>();
            for (Map.Entry<String, WatchHarness.Watch> entry : watches.entrySet()) {
                long left = BOUND.toMillis() - (System.nanoTime() - started) / 1_000_000;
                JobSnapshot shown = entry.getValue().awaitOutcome(Duration.ofMillis(Math.max(1, left)));
                WatchState truth = ServerTruth.outcomeOf(harness.backend, entry.getKey());
                if (truth != shown.state() || entry.getValue().outcomeAnnouncements() != 1) {
                    wrong.add(entry.getKey() + " (" + faults.get(entry.getKey()) + "): shown "
                            + shown.state() + ", server " + truth + ", announced "
                            + entry.getValue().outcomeAnnouncements() + " times");
                }
                byFault.merge(faults.get(entry.getKey()), 1, Integer::sum);
            }
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            writeReport(byFault, wall, harness.totalRequests(), wrong.size());

            assertEquals(List.of(), wrong);
            assertTrue(wall < BOUND.toMillis(), "took " + wall + " ms");
        }
    }

    private static String injectRandomFault(WatchHarness harness, String jobId, Random random) {
        switch (random.nextInt(6)) {
            case 0:
                harness.backend.injectFault(jobId, StreamFault.resetMidEvent(2 + random.nextInt(4)));
                return "reset mid-event";
            case 1:
                harness.backend.injectFault(jobId, StreamFault.closeBeforeTerminal());
                return "close before terminal";
            case 2:
                harness.backend.injectFault(jobId, StreamFault.stall(1 + random.nextInt(4)));
                return "stall";
            case 3:
                harness.backend.injectFault(jobId, StreamFault.splitWrites(1 + random.nextInt(7)));
                return "split writes";
            default:
                return "none";
        }
    }

    private static void writeReport(Map<String, Integer> byFault, long wall, int requests, int wrong)
            throws java.io.IOException {
        String target = System.getProperty("jobmonitor.reliabilityReport");
        if (target == null || target.isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>(ReliabilityReport.header("Chaos run", String.format(
                Locale.ROOT, "%d jobs watched at once with seed %d under the demo's chaos scenario"
                        + " (seeded 5xx answers, early 404s, content faults, line endings, chunking"
                        + " and stream faults), plus one API restart while all streams were open;"
                        + " timings scaled by %.2f.", JOBS, SEED,
                WatchHarness.TIME_FACTOR)));
        lines.add("| fault | jobs |");
        lines.add("|---|---|");
        byFault.forEach((fault, count) -> lines.add("| " + fault + " | " + count + " |"));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Result: %d of %d jobs in a wrong or duplicated final"
                + " state; %d requests in all; %d ms from the first job to the last outcome.",
                wrong, JOBS, requests, wall));
        ReliabilityReport.writeSection(Path.of(target), "chaos", lines);
    }
}
