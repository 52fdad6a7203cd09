package dev.jobmonitor.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.demo.Chunking;
import dev.jobmonitor.demo.ContentFault;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.JobRoute;
import dev.jobmonitor.demo.LineEnding;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.demo.RateLimit;
import dev.jobmonitor.demo.StreamFault;
import dev.jobmonitor.watch.TimelineEntry;
import java.time.Duration;
import java.util.List;

/** The fault scenarios of the matrix, each a real behaviour of the demo backend's socket. */
final class FaultScenarios {
    private FaultScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                scenario("baseline", "none; the server leaves the stream open after complete",
                        "live stream to the outcome, client closes it, no polling").build(),
                scenario("reset-mid-event", "TCP reset inside the first live event",
                        "status check at once, polls, stream reopened")
                        .fallback().inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.resetMidEvent(2))).build(),
                scenario("close-before-terminal", "server ends the stream where complete would go",
                        "drop noticed at once, a status poll shows the outcome")
                        .fallback().inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.closeBeforeTerminal())).build(),
                scenario("stall", "no bytes after the first live event, socket left open",
                        "idle watchdog cuts the stream after the idle timeout, then polls")
                        .fallback().noticeWithin(WatchHarness.POLICY.idleTimeout().toMillis() + 400)
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.stall(3))).build(),
                scenario("refused-connections", "reset, then new connections refused for 1 s",
                        "polls fail and back off, stream reopened once the port listens")
                        .fallback().inject((h, job) -> {
                            h.backend.faults().onJob(job).streamFault(StreamFault.resetMidEvent(2));
                            h.backend.refuseConnections(Duration.ofSeconds(1));
                        }).build(),
                scenario("server-restart", "API process restarted on the same port mid-job",
                        "every stream drops, status check, stream reopened")
                        .fallback().midway((h, job) -> h.backend.restart()).build(),
                scenario("stream-open-503", "503 on the next 3 stream opens after a reset",
                        "reconnects back off while polls carry the job")
                        .fallback().inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.resetMidEvent(2))
                                .httpFault(JobRoute.STREAM, 503, 4)).build(),
                scenario("stream-open-502-500", "502 then 500 on stream opens after a close",
                        "treated like any failed reopen: back off, keep polling")
                        .fallback().inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.closeAfter(2))
                                .httpFault(JobRoute.STREAM, 502, 2)
                                .httpFault(JobRoute.STREAM, 500, 2)).build(),
                scenario("status-503", "stream closes before complete; 503 on the next 3 status polls",
                        "polls keep trying with backoff until one answers")
                        .fallback().inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.closeBeforeTerminal().forStreams(20))
                                .httpFault(JobRoute.STATUS, 503, 3)).build(),
                scenario("not-found-then-found", "status and stream answer 404 for 1.5 s after creation",
                        "404 shown as a notice, never as an outcome; watch recovers")
                        .fallback().inject((h, job) -> h.backend.faults().onJob(job)
                                .notFoundFor(Duration.ofMillis(1500))).build(),
                scenario("expired-token", "access tokens revoked mid-job, then the API restarts",
                        "401 on reconnect, one refresh, replay with the new token")
                        .fallback().midway((h, job) -> {
                            h.backend.faults().invalidateAccessTokens();
                            h.backend.restart();
                        }).build(),
                scenario("rate-limited", "budget of 6 requests per scaled minute, reset mid-job",
                        "429 with Retry-After honoured; outcome still confirmed")
                        .fallback().inject((h, job) -> {
                            h.backend.faults().onJob(job).streamFault(StreamFault.resetMidEvent(2));
                            h.backend.faults().rateLimit(new RateLimit(6, Duration.ofMinutes(1)));
                        }).build(),
                scenario("malformed-json", "data lines that are not JSON between real events",
                        "bad events ignored, stream stays live")
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .contentFault(ContentFault.malformedJson())).build(),
                scenario("unknown-events", "event names this client does not use",
                        "ignored, stream stays live")
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .contentFault(ContentFault.unknownEvents())).build(),
                scenario("duplicate-events", "every event sent twice, complete included",
                        "applied idempotently, outcome announced once")
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .contentFault(ContentFault.duplicateEvents())).build(),
                scenario("progress-goes-down", "progress values that fall back between events",
                        "progress bar never moves backwards")
                        .profile(ProgressProfile.DOCUMENTED)
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .contentFault(ContentFault.progressGoesDown())).build(),
                scenario("null-and-missing-fields", "events with null or absent fields, complete"
                        + " with result null", "last known values kept; the result is read from"
                        + " the status")
                        .fallback().profile(ProgressProfile.DOCUMENTED)
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .contentFault(ContentFault.nullAndMissingFields())).build(),
                scenario("complete-without-result", "complete arrives with result null for a job"
                        + " whose third strategy failed", "outcome read from the status: partly failed")
                        .fallback().strategies(3).outcome(JobOutcome.PARTIAL_FAILURE)
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .contentFault(ContentFault.nullAndMissingFields())).build(),
                scenario("large-event", "a 256 KiB event in the stream", "parsed, stream stays live")
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .contentFault(ContentFault.largeEvent())).build(),
                scenario("comments", "comment lines between events and inside events",
                        "ignored, count as activity")
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .contentFault(ContentFault.comments())).build(),
                scenario("stale-event-after-close", "old events written after the client closed,"
                        + " and a stale event first on the next connection",
                        "events from closed connections never change the view")
                        .fallback().inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.resetMidEvent(3))
                                .contentFault(ContentFault.writeAfterClientClose())
                                .contentFault(ContentFault.staleEventOnReconnect())).build(),
                scenario("crlf-line-endings", "CRLF line endings", "parsed as LF")
                        .inject((h, job) -> h.backend.faults().onJob(job).lineEnding(LineEnding.CRLF))
                        .build(),
                scenario("cr-line-endings", "lone CR line endings", "parsed as LF")
                        .inject((h, job) -> h.backend.faults().onJob(job).lineEnding(LineEnding.CR))
                        .build(),
                scenario("mixed-line-endings", "LF, CRLF and CR mixed in one stream", "parsed as LF")
                        .inject((h, job) -> h.backend.faults().onJob(job).lineEnding(LineEnding.MIXED))
                        .build(),
                scenario("one-byte-chunks", "every byte in its own chunk", "parsed as usual")
                        .inject((h, job) -> h.backend.faults().onJob(job).chunking(Chunking.oneByte()))
                        .build(),
                scenario("random-chunks", "seeded random chunk boundaries anywhere, CRLF endings",
                        "parsed as usual")
                        .inject((h, job) -> h.backend.faults().onJob(job).lineEnding(LineEnding.CRLF)
                                .chunking(Chunking.random(7, 9))).build(),
                scenario("stream-timeout", "a 5-minute job outlives the 240 s stream warning",
                        "a new stream opens on stream-timeout, no fallback")
                        .jobMinutes(5)
                        .check(watch -> assertTrue(watch.job.snapshot().timeline().stream()
                                .anyMatch(entry -> entry.kind() == TimelineEntry.Kind.CONNECTED
                                        && entry.text().contains("renewed")), "stream renewed")).build(),
                scenario("bundle-partial-failure", "3 strategies, one fails; reset mid-event",
                        "partly failed from the stream or the status, never succeeded")
                        .profile(ProgressProfile.DOCUMENTED).strategies(3)
                        .outcome(JobOutcome.PARTIAL_FAILURE).fallback()
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.resetMidEvent(4))).build(),
                scenario("cancelled-stall", "cancelled job (progress 100, then failed); stall",
                        "failed: Cancelled, not succeeded despite progress 100")
                        .outcome(JobOutcome.CANCELLED).fallback()
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.stall(3))).build(),
                scenario("job-failure-close", "job-level failure; stream closes before failed",
                        "failed from the status poll")
                        .outcome(JobOutcome.JOB_FAILURE).fallback()
                        .inject((h, job) -> h.backend.faults().onJob(job)
                                .streamFault(StreamFault.closeBeforeTerminal())).build());
    }

    private static Builder scenario(String name, String fault, String expected) {
        return new Builder(name, fault, expected);
    }

    /** Changes the demo backend before or during a watch. */
    @FunctionalInterface
    interface Action {
        void run(WatchHarness harness, String jobId) throws Exception;
    }

    /** An extra check on a finished watch. */
    @FunctionalInterface
    interface Check {
        void verify(WatchHarness.Watch watch);
    }

    /** One fault scenario of the matrix. */
    record Scenario(String name, String fault, String expected, boolean expectsFallback,
                    ProgressProfile profile, int strategies, JobOutcome outcome, int jobMinutes,
                    long maxNoticeMillis, Action inject, Action midway, Check check) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Builder {
        private final String name;
        private final String fault;
        private final String expected;
        private boolean fallback;
        private ProgressProfile profile = ProgressProfile.CURRENT;
        private int strategies = 1;
        private JobOutcome outcome = JobOutcome.SUCCESS;
        private int jobMinutes;
        private long maxNoticeMillis;
        private Action inject = (harness, job) -> { };
        private Action midway = (harness, job) -> { };
        private Check check = watch -> { };

        Builder(String name, String fault, String expected) {
            this.name = name;
            this.fault = fault;
            this.expected = expected;
        }

        Builder fallback() {
            fallback = true;
            return this;
        }

        Builder profile(ProgressProfile value) {
            profile = value;
            return this;
        }

        Builder strategies(int value) {
            strategies = value;
            return this;
        }

        Builder outcome(JobOutcome value) {
            outcome = value;
            return this;
        }

        Builder jobMinutes(int value) {
            jobMinutes = value;
            return this;
        }

        Builder noticeWithin(long millis) {
            maxNoticeMillis = millis;
            return this;
        }

        Builder inject(Action value) {
            inject = value;
            return this;
        }

        Builder midway(Action value) {
            midway = value;
            return this;
        }

        Builder check(Check value) {
            check = value;
            return this;
        }

        Scenario build() {
            return new Scenario(name, fault, expected, fallback, profile, strategies, outcome,
                    jobMinutes, maxNoticeMillis, inject, midway, check);
        }
    }
}
