package dev.jobmonitor.reliability;

import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.demo.StreamFault;
import java.time.Duration;
import java.util.List;

/** The fault scenarios of the matrix, each a real behaviour of the demo backend's socket. */
final class FaultScenarios {
    private FaultScenarios() {
    }

    static List<FaultMatrixTest.FaultScenario> all() {
        return List.of(
                scenario("baseline", "none", "live stream to the outcome, no polling", false,
                        (harness, job) -> { }),
                scenario("reset-mid-event", "TCP reset inside the first live event",
                        "status check at once, polls, stream reopened, outcome from either", true,
                        (harness, job) -> harness.backend.injectFault(job, StreamFault.resetMidEvent(2))),
                scenario("close-before-terminal", "server ends the stream where complete would go",
                        "drop noticed at once, status poll shows the outcome", true,
                        (harness, job) -> harness.backend.injectFault(job,
                                StreamFault.closeBeforeTerminal())),
                stall(),
                scenario("split-writes", "every frame written one byte at a time",
                        "events parsed as usual, no drop", false,
                        (harness, job) -> harness.backend.injectFault(job, StreamFault.splitWrites(1))),
                scenario("refused-connections", "reset, then new connections refused for 1 s",
                        "polls fail and back off, stream reopened once the port listens", true,
                        (harness, job) -> {
                            harness.backend.injectFault(job, StreamFault.resetMidEvent(2));
                            harness.backend.refuseConnections(Duration.ofSeconds(1));
                        }));
    }

    private static FaultMatrixTest.FaultScenario stall() {
        return new Scenario("stall", "no bytes after the first live event, socket left open",
                "idle watchdog cuts the stream after the idle timeout, then polls", true,
                ProgressProfile.CURRENT, 1, JobOutcome.SUCCESS,
                // The idle timeout plus one keepalive interval of slack for scheduling.
                WatchHarness.POLICY.idleTimeout().toMillis() + 400,
                (harness, job) -> harness.backend.injectFault(job, StreamFault.stall(3)));
    }

    private static FaultMatrixTest.FaultScenario scenario(String name, String fault, String expected,
                                                          boolean fallback, Injector injector) {
        return new Scenario(name, fault, expected, fallback, ProgressProfile.CURRENT, 1,
                JobOutcome.SUCCESS, 0, injector);
    }

    /** Sets a fault up on the demo backend before the client watches the job. */
    @FunctionalInterface
    interface Injector {
        void inject(WatchHarness harness, String jobId) throws Exception;
    }

    record Scenario(String name, String fault, String expected, boolean expectsFallback,
                    ProgressProfile profile, int strategies, JobOutcome outcome, long maxNoticeMillis,
                    Injector injector) implements FaultMatrixTest.FaultScenario {
        @Override
        public void inject(WatchHarness harness, String jobId) throws Exception {
            injector.inject(harness, jobId);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
