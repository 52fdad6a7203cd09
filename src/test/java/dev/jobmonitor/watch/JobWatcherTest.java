package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.JobEvent;
import dev.jobmonitor.api.NetworkException;
import dev.jobmonitor.api.RateLimitedException;
import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.JobStatus;
import dev.jobmonitor.api.model.ProgressData;
import dev.jobmonitor.api.model.ServerJobState;
import dev.jobmonitor.api.model.StrategyResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobWatcherTest {
    private static final String JOB = "c65b9a0a-4145-4619-8eb2-6eba3af287bd";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeJobApi api = new FakeJobApi();
    private final List<JobSnapshot> published = new ArrayList<>();
    private final RequestBudget budget = new RequestBudget(scheduler::now, 200, Duration.ofMinutes(15));
    private JobWatcher watcher;

    @BeforeEach
    void startWatching() {
        WatchPolicy noJitter = new WatchPolicy(Duration.ofSeconds(3), Duration.ofSeconds(15),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0.0, Duration.ofMinutes(1),
                Duration.ofSeconds(35));
        watcher = new JobWatcher(JOB, api, scheduler, noJitter, new Random(7), budget, error -> { });
        watcher.addListener(published::add);
        watcher.start();
        scheduler.runDue();
    }

    @Test
    void successfulJobEndsSucceededAndClosesStream() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(connected()).send(progress(0, null, null)).send(stepChange());
        stream.send(progress(5, "Generating 7-day content calendar...", 60));
        stream.send(trends(8, 55));
        stream.send(progress(100, "Complete", null)).send(complete(result(1, 0)));
        scheduler.runDue();

        JobSnapshot last = watcher.snapshot();
        assertEquals(WatchState.SUCCEEDED, last.state());
        assertEquals(100, last.progress());
        assertTrue(stream.cancelled, "the client closes the stream the server leaves open");
    }

    @Test
    void progressHundredAloneIsNotAnOutcome() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(connected()).send(progress(100, "Complete", null));
        scheduler.runDue();

        assertEquals(WatchState.LIVE, watcher.snapshot().state());
        assertEquals(100, watcher.snapshot().progress());
        assertFalse(stream.cancelled);
    }

    @Test
    void partialFailureEndsPartlyFailed() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(connected()).send(complete(result(3, 1)));
        scheduler.runDue();

        JobSnapshot last = watcher.snapshot();
        assertEquals(WatchState.PARTLY_FAILED, last.state());
        assertEquals(1, last.result().results().stream().filter(r -> !r.succeeded()).count());
    }

    @Test
    void allStrategiesFailedIsPartlyFailedNotSucceeded() {
        CalendarResult allFailed = new CalendarResult(false, 1, 0, 1,
                List.of(new StrategyResult("s1", false, null, "Failed to generate")));
        api.lastStream().open().send(connected()).send(new JobEvent.Complete(allFailed));
        scheduler.runDue();

        assertEquals(WatchState.PARTLY_FAILED, watcher.snapshot().state());
    }

    @Test
    void cancelledJobFailsDespiteProgressHundred() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(connected()).send(progress(100, "Complete", null));
        stream.send(new JobEvent.Failed("Cancelled", null));
        scheduler.runDue();

        JobSnapshot last = watcher.snapshot();
        assertEquals(WatchState.FAILED, last.state());
        assertEquals("Cancelled", last.error());
        assertEquals(100, last.progress());
        assertTrue(stream.cancelled);
    }

    @Test
    void noRequestsAfterOutcome() {
        api.lastStream().open().send(connected()).send(complete(result(1, 0)));
        scheduler.runDue();
        int requests = api.requestCount();

        scheduler.advance(Duration.ofMinutes(30));

        assertEquals(requests, api.requestCount());
    }

    @Test
    void dropFallsBackToPollingUntilOutcome() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(connected()).send(progress(5, "Generating", 60));
        scheduler.runDue();
        api.answerStatus(status(ServerJobState.RUNNING, 8, "Fetching trending topics...", null));
        api.answerStatus(status(ServerJobState.SUCCEEDED, 100, null, result(1, 0)));
        api.reconnectsRefused();

        stream.fail(new NetworkException("connection reset", new IOException("reset")));
        scheduler.runDue();

        assertEquals(WatchState.POLLING, watcher.snapshot().state());
        assertEquals(1, api.statusCalls, "a status snapshot is taken at once");
        assertEquals(8, watcher.snapshot().progress());

        scheduler.advance(Duration.ofSeconds(3));

        assertEquals(2, api.statusCalls);
        assertEquals(WatchState.SUCCEEDED, watcher.snapshot().state());
        int requests = api.requestCount();
        scheduler.advance(Duration.ofMinutes(10));
        assertEquals(requests, api.requestCount(), "no request after the outcome");
    }

    @Test
    void streamComesBackAfterFallback() {
        api.lastStream().open().send(connected());
        scheduler.runDue();
        api.answerStatus(status(ServerJobState.RUNNING, 8, "Fetching trending topics...", null));

        api.lastStream().close();
        scheduler.runDue();
        assertEquals(WatchState.POLLING, watcher.snapshot().state());

        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, api.streams.size(), "the stream is reopened after the first backoff");
        assertEquals(WatchState.RECONNECTING, watcher.snapshot().state());

        api.lastStream().open().send(connected()).send(progress(8, "Fetching trending topics...", 55));
        scheduler.runDue();
        assertEquals(WatchState.LIVE, watcher.snapshot().state());

        int polls = api.statusCalls;
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(polls, api.statusCalls, "polling stops once the stream is live again");
    }

    @Test
    void reconnectBackoffDoublesToThirtySeconds() {
        api.lastStream().open();
        scheduler.runDue();
        api.lastStream().close();
        scheduler.runDue();
        List<Long> delays = new ArrayList<>();

        for (int i = 0; i < 7; i++) {
            int before = api.streams.size();
            long waited = 0;
            while (api.streams.size() == before) {
                scheduler.advance(Duration.ofMillis(250));
                waited += 250;
            }
            delays.add(waited);
            api.lastStream().fail(new NetworkException("refused", new IOException("refused")));
            scheduler.runDue();
        }

        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L), delays);
    }

    @Test
    void pollIntervalBacksOffWhileNothingChanges() {
        api.lastStream().open();
        scheduler.runDue();
        for (int i = 0; i < 8; i++) {
            api.answerStatus(status(ServerJobState.RUNNING, 8, "Fetching trending topics...", null));
        }
        api.reconnectsRefused();
        api.lastStream().close();
        scheduler.runDue();
        List<Long> gaps = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            int before = api.statusCalls;
            long waited = 0;
            while (api.statusCalls == before) {
                scheduler.advance(Duration.ofMillis(500));
                waited += 500;
            }
            gaps.add(waited);
        }

        // The first poll changed the step, so the interval starts over at 3 s, then doubles.
        assertEquals(List.of(3000L, 6000L, 12000L, 15000L, 15000L), gaps);
    }

    @Test
    void pollsNeverOverlap() {
        api.lastStream().open();
        scheduler.runDue();
        api.reconnectsRefused();

        api.lastStream().close();
        scheduler.advance(Duration.ofMinutes(5));

        assertEquals(1, api.statusCalls, "a poll waits for the one in flight");
    }

    @Test
    void rateLimitedPollWaitsForRetryAfter() {
        api.lastStream().open();
        scheduler.runDue();
        api.answerStatus(new RateLimitedException("Too many requests", "Too many requests",
                Duration.ofSeconds(40)));
        api.reconnectsRefused();

        api.lastStream().close();
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(39));

        assertEquals(1, api.statusCalls);
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, api.statusCalls);
    }

    @Test
    void silentStreamCountsAsDropAfterIdleTimeout() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(connected());
        scheduler.runDue();

        scheduler.advance(Duration.ofSeconds(20));
        stream.keepalive();
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(34));
        assertEquals(WatchState.LIVE, watcher.snapshot().state(), "a keepalive resets the watchdog");

        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(WatchState.POLLING, watcher.snapshot().state());
        assertTrue(stream.cancelled);
    }

    @Test
    void streamTimeoutReopensWithoutGap() {
        FakeJobApi.FakeStream first = api.lastStream().open();
        first.send(connected()).send(new JobEvent.StreamTimeout("closing soon"));
        scheduler.runDue();

        assertTrue(first.cancelled);
        assertEquals(2, api.streams.size());
        assertEquals(WatchState.LIVE, watcher.snapshot().state());
        assertEquals(0, api.statusCalls);
    }

    @Test
    void retryFollowsNewAttemptAndIgnoresClosedConnection() {
        FakeJobApi.FakeStream old = api.lastStream().open();
        old.send(connected()).send(progress(41, "Loading keywords", 53));
        old.send(new JobEvent.Failed("Connection terminated unexpectedly", "ECONNRESET"));
        scheduler.runDue();
        assertEquals(WatchState.FAILED, watcher.snapshot().state());

        watcher.retry();
        scheduler.runDue();

        assertEquals(1, api.retryCalls);
        assertEquals(2, api.streams.size());
        assertEquals(2, watcher.snapshot().attempt());
        assertEquals(0, watcher.snapshot().progress(), "progress restarts with the new attempt");
        old.send(progress(95, "late event from the closed connection", 10));
        old.send(new JobEvent.Failed("stale", null));
        scheduler.runDue();
        assertEquals(0, watcher.snapshot().progress());
        assertEquals(WatchState.CONNECTING, watcher.snapshot().state());

        api.lastStream().open().send(connected()).send(progress(0, null, null))
                .send(progress(5, "Generating", 60));
        scheduler.runDue();
        assertEquals(5, watcher.snapshot().progress());
        assertEquals(WatchState.LIVE, watcher.snapshot().state());
    }

    @Test
    void failedRetryKeepsFailureAndSaysWhy() {
        api.lastStream().open().send(connected()).send(new JobEvent.Failed("Cancelled", null));
        scheduler.runDue();
        api.retryFailure = new dev.jobmonitor.api.ApiException(400, "Bad request",
                "Job is not in failed state");

        watcher.retry();
        scheduler.runDue();

        assertEquals(WatchState.FAILED, watcher.snapshot().state());
        assertEquals("Retry failed: Job is not in failed state", watcher.snapshot().notice());
        assertEquals(1, api.streams.size());
    }

    @Test
    void progressNeverGoesDownWithinAttempt() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(connected()).send(progress(41, "Loading keywords", 53)).send(progress(23, "older", 69));
        scheduler.runDue();

        assertEquals(41, watcher.snapshot().progress());
    }

    @Test
    void phaseAndStrategyFieldsAreKept() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(new JobEvent.Progress("progress-update", new ProgressData(53,
                "Strategy 2 of 3: Generating 30-day content ideas with AI...", 42, "generating", 1, 3,
                "s2")));
        stream.send(progress(53, "Strategy 2 of 3: Generating 30-day content ideas with AI...", 42));
        scheduler.runDue();

        JobSnapshot last = watcher.snapshot();
        assertEquals("generating", last.phase());
        assertEquals(1, last.strategyIndex());
        assertEquals(3, last.strategyTotal());
        assertEquals("Strategy 2 of 3", JobText.strategyBadge(last).orElseThrow());
    }

    @Test
    void strategyPrefixFillsMissingFields() {
        api.lastStream().open().send(progress(35, "Strategy 2 of 3: Loading audience...", 59));
        scheduler.runDue();

        assertEquals(1, watcher.snapshot().strategyIndex());
        assertEquals(3, watcher.snapshot().strategyTotal());
    }

    @Test
    void repeatedEstimateDoesNotRestartCountdown() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(trends(8, 55));
        scheduler.runDue();
        var firstEstimateAt = watcher.snapshot().etaReceivedAt();

        scheduler.advance(Duration.ofSeconds(20));
        stream.send(progress(8, "Fetching trending topics...", 55));
        scheduler.runDue();

        assertEquals(firstEstimateAt, watcher.snapshot().etaReceivedAt());
        assertEquals("About 35s remaining", JobText.eta(watcher.snapshot(), scheduler.now()).orElseThrow());
    }

    @Test
    void unknownEventsAreIgnored() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(new JobEvent.Ignored("scrape-phase", "event not used by this client"));
        stream.send(progress(5, "Generating", 60));
        scheduler.runDue();

        assertEquals(5, watcher.snapshot().progress());
        assertEquals(WatchState.LIVE, watcher.snapshot().state());
    }

    @Test
    void statusOutcomeDuringGapIsShown() {
        api.lastStream().open();
        scheduler.runDue();
        api.answerStatus(status(ServerJobState.FAILED, 100, "Complete", null));
        api.reconnectsRefused();

        api.lastStream().close();
        scheduler.runDue();

        assertEquals(WatchState.FAILED, watcher.snapshot().state());
        assertNotNull(watcher.snapshot().error());
        assertNull(watcher.snapshot().etaSeconds());
    }

    @Test
    void pollsWaitWhenServerReportsBudgetNearlySpent() {
        api.lastStream().open();
        scheduler.runDue();
        api.reconnectsRefused();
        budget.onRateLimit(new dev.jobmonitor.api.RateLimitStatus(200, 10, Duration.ofMinutes(5), null));

        api.lastStream().close();
        scheduler.runDue();
        assertEquals(1, api.statusCalls, "the first status snapshot after a drop is urgent");
        api.pendingStatus.get(0).complete(status(ServerJobState.RUNNING, 8, "Fetching", null));
        scheduler.runDue();

        scheduler.advance(Duration.ofMinutes(4));
        assertEquals(1, api.statusCalls, "routine polls keep the reserve free");
        assertTrue(watcher.snapshot().notice().startsWith("Waiting for the server's request limit"));
        scheduler.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(2, api.statusCalls);
    }

    @Test
    void requestsAreRecordedInBudget() {
        api.lastStream().open();
        scheduler.runDue();
        api.reconnectsRefused();
        RequestBudget tight = budget;

        api.lastStream().close();
        scheduler.advance(Duration.ofSeconds(10));

        int recorded = 0;
        while (tight.delayFor(RequestBudget.Priority.URGENT).isZero() && recorded < 1000) {
            tight.recordRequest();
            recorded++;
        }
        assertEquals(200 - api.requestCount(), recorded);
    }

    @Test
    void retriedJobStuckInQueueIsFlagged() {
        api.lastStream().open().send(connected()).send(new JobEvent.Failed("Cancelled", null));
        scheduler.runDue();
        watcher.retry();
        scheduler.runDue();
        FakeJobApi.FakeStream retried = api.lastStream().open();
        retried.send(connected()).send(progress(0, null, 60));
        scheduler.runDue();
        assertNotNull(watcher.snapshot().queuedSince());

        for (int i = 0; i < 8; i++) {
            scheduler.advance(Duration.ofSeconds(15));
            retried.keepalive();
            scheduler.runDue();
        }

        JobSnapshot last = watcher.snapshot();
        assertTrue(last.stuckInQueue());
        assertTrue(last.notice().contains("after Retry"), last.notice());
        assertEquals(TimelineEntry.Kind.STUCK, last.timeline().get(last.timeline().size() - 1).kind());
    }

    @Test
    void queuedJobThatStartsIsNotStuck() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        stream.send(connected()).send(progress(0, null, null));
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(30));
        stream.send(stepChange()).send(progress(5, "Generating", 60));
        scheduler.runDue();

        for (int i = 0; i < 10; i++) {
            scheduler.advance(Duration.ofSeconds(15));
            stream.keepalive();
            scheduler.runDue();
        }

        assertFalse(watcher.snapshot().stuckInQueue());
        assertNull(watcher.snapshot().queuedSince());
    }

    @Test
    void timelineRecordsDropFallbackAndResume() {
        api.lastStream().open().send(connected());
        scheduler.runDue();
        api.answerStatus(status(ServerJobState.RUNNING, 8, "Fetching trending topics...", null));
        api.lastStream().close();
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(1));
        api.lastStream().open().send(connected());
        scheduler.runDue();

        List<TimelineEntry.Kind> kinds = watcher.snapshot().timeline().stream()
                .map(TimelineEntry::kind).toList();

        assertEquals(List.of(TimelineEntry.Kind.CONNECTED, TimelineEntry.Kind.DROPPED,
                TimelineEntry.Kind.POLLING, TimelineEntry.Kind.RESUMED), kinds);
    }

    @Test
    void pausedWatchSendsNothingUntilResumed() {
        api.lastStream().open().send(connected()).send(progress(41, "Loading keywords", 53));
        scheduler.runDue();
        int requests = api.requestCount();

        watcher.pause("session expired");
        scheduler.runDue();
        scheduler.advance(Duration.ofMinutes(10));

        assertEquals(WatchState.PAUSED, watcher.snapshot().state());
        assertEquals(41, watcher.snapshot().progress(), "the last known state stays");
        assertTrue(api.streams.get(0).cancelled);
        assertEquals(requests, api.requestCount());

        watcher.resume();
        scheduler.runDue();
        assertEquals(requests + 1, api.requestCount(), "resuming opens one new stream");
        api.lastStream().open().send(connected()).send(complete(result(1, 0)));
        scheduler.runDue();
        assertEquals(WatchState.SUCCEEDED, watcher.snapshot().state());
    }

    @Test
    void jobNotFoundForLongIsCheckedRarely() {
        api.lastStream().open();
        scheduler.runDue();
        for (int i = 0; i < 200; i++) {
            api.answerStatus(new dev.jobmonitor.api.NotFoundException("Not found",
                    "Job not found or access denied"));
        }
        api.reconnectsRefused();
        api.lastStream().close();
        scheduler.runDue();

        scheduler.advance(Duration.ofMinutes(2));
        int streams = api.streams.size();
        int polls = api.statusCalls;
        scheduler.advance(Duration.ofMinutes(10));

        assertEquals(streams, api.streams.size(), "no stream reopens for a job that is gone");
        assertEquals(polls + 2, api.statusCalls, "one status check every 5 minutes");
        assertTrue(watcher.snapshot().notice().contains("may have been deleted"));
        assertTrue(JobText.isNotFoundForLong(watcher.snapshot()));
        assertFalse(watcher.snapshot().isFinished());
    }

    @Test
    void completeWithoutResultIsConfirmedByStatus() {
        FakeJobApi.FakeStream stream = api.lastStream().open();
        api.answerStatus(status(ServerJobState.SUCCEEDED, 100, null, result(3, 1)));

        stream.send(connected()).send(new JobEvent.Complete(null));
        scheduler.runDue();

        assertEquals(1, api.statusCalls);
        assertEquals(WatchState.PARTLY_FAILED, watcher.snapshot().state());
        assertTrue(stream.cancelled);
        assertEquals(1, api.streams.size(), "no stream reopened");
    }

    @Test
    void unreachableServerShowsReconnectingUntilStatusAnswers() {
        api.lastStream().open().send(connected()).send(progress(8, "Fetching trending topics...", 55));
        scheduler.runDue();
        api.answerStatus(new NetworkException("connection refused", new IOException("refused")));
        api.answerStatus(status(ServerJobState.RUNNING, 8, "Fetching trending topics...", null));
        api.reconnectsRefused();

        api.lastStream().fail(new NetworkException("connection reset", new IOException("reset")));
        scheduler.runDue();

        assertEquals(WatchState.RECONNECTING, watcher.snapshot().state(), "stream and status both fail");
        assertTrue(JobText.eta(watcher.snapshot(), scheduler.now()).isEmpty(), "no countdown without data");
        scheduler.advance(Duration.ofSeconds(6));
        assertEquals(WatchState.POLLING, watcher.snapshot().state(), "status answers again");
    }

    private static JobEvent connected() {
        return new JobEvent.Connected("conn-1", JOB, 250);
    }

    private static JobEvent stepChange() {
        return new JobEvent.Progress("step-change", new ProgressData(0, null, null, null, null, null, null));
    }

    private static JobEvent progress(int progress, String step, Integer eta) {
        return new JobEvent.Progress("progress-update",
                new ProgressData(progress, step, eta, null, null, null, null));
    }

    private static JobEvent trends(int progress, int eta) {
        return new JobEvent.Progress("progress-update", new ProgressData(progress,
                "Fetching trending topics...", eta, "trends", null, null, null));
    }

    private static JobEvent complete(CalendarResult result) {
        return new JobEvent.Complete(result);
    }

    private static CalendarResult result(int strategies, int failed) {
        List<StrategyResult> results = new ArrayList<>();
        for (int i = 0; i < strategies; i++) {
            boolean ok = i >= failed;
            results.add(new StrategyResult("s" + i, ok, ok ? 30 : null, ok ? null : "No ideas generated"));
        }
        return new CalendarResult(failed < strategies, strategies, strategies - failed, failed, results);
    }

    private static JobStatus status(ServerJobState state, int progress, String step, CalendarResult result) {
        String error = state == ServerJobState.FAILED ? "Cancelled" : null;
        return new JobStatus(JOB, state, progress, step, null, error, null, result,
                "2026-12-04T12:00:00.000Z", "2026-12-04T12:00:01.000Z");
    }
}
