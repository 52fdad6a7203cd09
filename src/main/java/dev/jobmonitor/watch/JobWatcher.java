package dev.jobmonitor.watch;

import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.api.JobApi;
import dev.jobmonitor.api.JobEvent;
import dev.jobmonitor.api.JobStream;
import dev.jobmonitor.api.JobStreamListener;
import dev.jobmonitor.api.NetworkException;
import dev.jobmonitor.api.NotFoundException;
import dev.jobmonitor.api.RateLimitedException;
import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.JobStatus;
import dev.jobmonitor.api.model.ProgressData;
import dev.jobmonitor.api.model.ServerJobState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one job: its SSE stream first, status polls while the stream is down, and the outcome.
 *
 * <p>All state lives on the account's {@link TaskScheduler} thread: network callbacks and public
 * commands only post tasks to it. Each stream connection gets a generation number and every
 * callback carries it, so nothing from a connection this watcher has closed can change the
 * snapshot. The outcome comes only from a {@code complete} or {@code failed} event or a terminal
 * status, never from progress 100 or a "Complete" step. Once the outcome is known the watcher
 * closes its stream, cancels its timers and sends no more requests until a Retry.
 */
public final class JobWatcher implements WatchedJob {
    private static final Logger LOGGER = LoggerFactory.getLogger(JobWatcher.class);
    /** Timeline entries kept per job; older ones are dropped. */
    private static final int TIMELINE_SIZE = 40;
    private static final DateTimeFormatter UNTIL_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final String jobId;
    private final JobApi api;
    private final TaskScheduler scheduler;
    private final WatchPolicy policy;
    private final Random random;
    private final Consumer<ApiException> authFailureHandler;
    private final RequestBudget budget;
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();

    private volatile JobSnapshot snapshot;
    private final AtomicLong requestsSent = new AtomicLong();

    // Everything below is touched only on the scheduler thread.
    private int streamGeneration;
    private JobStream stream;
    private Instant streamOpenedAt;
    private Instant lastActivityAt;
    private int reconnectAttempts;
    private Duration pollInterval;
    private boolean pollInFlight;
    private boolean urgentPoll;
    private TaskScheduler.Cancellable pollTask;
    private TaskScheduler.Cancellable reconnectTask;
    private TaskScheduler.Cancellable watchdogTask;
    private boolean stopped;
    private boolean paused;
    private final List<TimelineEntry> timeline = new ArrayList<>();
    /** An immutable copy of {@link #timeline}, made once per entry rather than per snapshot. */
    private List<TimelineEntry> timelineCopy = List.of();
    private Instant queuedSince;
    private boolean stuck;
    private TaskScheduler.Cancellable stuckTask;
    private Instant notFoundSince;

    /**
     * Creates a watcher; {@link #start()} begins the watch.
     *
     * @param budget             the account's request budget; polls and stream reopens wait
     *                           for it, and every request this watcher sends is recorded in it
     * @param authFailureHandler called on the scheduler thread when the server rejects the token,
     *                           so the account can refresh it; the watcher keeps trying meanwhile
     */
    public JobWatcher(String jobId, JobApi api, TaskScheduler scheduler, WatchPolicy policy,
                      Random random, RequestBudget budget,
                      Consumer<ApiException> authFailureHandler) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.api = api;
        this.scheduler = scheduler;
        this.policy = policy;
        this.random = random;
        this.authFailureHandler = authFailureHandler;
        this.budget = budget;
        this.snapshot = JobSnapshot.initial(jobId, 1);
        this.pollInterval = policy.pollInitial();
    }

    /** Opens the first stream. Callable from any thread. */
    public void start() {
        scheduler.execute(() -> {
            LOGGER.info("Watching job {}", jobId);
            openStream();
        });
    }

    /** Ends the watch without an outcome, e.g. on sign-out. Callable from any thread. */
    public void stop() {
        scheduler.execute(() -> {
            if (!stopped) {
                LOGGER.info("Stopped watching job {}", jobId);
            }
            stopped = true;
            closeStream();
            cancelTimers();
        });
    }

    /**
     * Stops all requests of this job but keeps its last known state, e.g. while the user must
     * sign in again. Does nothing once the job has an outcome. Callable from any thread.
     */
    public void pause(String reason) {
        scheduler.execute(() -> {
            if (stopped || paused || snapshot.isFinished()) {
                return;
            }
            paused = true;
            closeStream();
            cancelTimers();
            LOGGER.info("Paused watching job {}: {}", jobId, reason);
            note(TimelineEntry.Kind.PAUSED, reason);
            publish(snapshot.withState(WatchState.PAUSED, reason));
        });
    }

    /** Resumes a paused watch with a new stream. Callable from any thread. */
    public void resume() {
        scheduler.execute(() -> {
            if (!paused || stopped) {
                return;
            }
            paused = false;
            reconnectAttempts = 0;
            LOGGER.info("Resumed watching job {}", jobId);
            note(TimelineEntry.Kind.RESUMED, "Resumed after signing in again");
            publish(snapshot.withState(WatchState.CONNECTING, null));
            openStream();
        });
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public JobSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public void addListener(SnapshotListener listener) {
        listeners.add(listener);
        scheduler.execute(() -> listener.onSnapshot(snapshot));
    }

    @Override
    public void removeListener(SnapshotListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void retry() {
        scheduler.execute(this::requestRetry);
    }

    @Override
    public void cancel() {
        scheduler.execute(this::requestCancel);
    }

    // ---- stream ------------------------------------------------------------------------------

    private void openStream() {
        if (stopped || paused || snapshot.isFinished()) {
            return;
        }
        closeStream();
        int generation = ++streamGeneration;
        lastActivityAt = scheduler.now();
        LOGGER.debug("Opening stream {} of job {}", generation, jobId);
        countRequest();
        stream = api.openStream(jobId, new StreamCallbacks(generation));
        armWatchdog(policy.idleTimeout());
    }

    private void closeStream() {
        if (stream != null) {
            JobStream closing = stream;
            stream = null;
            streamGeneration++;
            closing.cancel();
        }
        if (watchdogTask != null) {
            watchdogTask.cancel();
            watchdogTask = null;
        }
    }

    private boolean isCurrent(int generation) {
        return generation == streamGeneration && stream != null && !stopped && !paused
                && !snapshot.isFinished();
    }

    private void onStreamOpen() {
        notFoundSince = null;
        streamOpenedAt = scheduler.now();
        lastActivityAt = streamOpenedAt;
        boolean resumed = snapshot.state() == WatchState.POLLING
                || snapshot.state() == WatchState.RECONNECTING;
        if (resumed) {
            LOGGER.info("Stream of job {} is back; polling stops", jobId);
            note(TimelineEntry.Kind.RESUMED, "Stream back; polling stopped");
        } else if (snapshot.state() != WatchState.LIVE) {
            LOGGER.info("Stream of job {} connected", jobId);
            note(TimelineEntry.Kind.CONNECTED, "Stream connected");
        }
        cancelPolling();
        cancelReconnect();
        publish(withState(snapshot, WatchState.LIVE, null));
    }

    private void onStreamEvent(JobEvent event) {
        lastActivityAt = scheduler.now();
        if (event instanceof JobEvent.Connected) {
            if (snapshot.state() != WatchState.LIVE) {
                onStreamOpen();
            }
        } else if (event instanceof JobEvent.Progress) {
            applyProgress((JobEvent.Progress) event);
        } else if (event instanceof JobEvent.Complete) {
            CalendarResult result = ((JobEvent.Complete) event).result();
            if (result == null) {
                confirmWithStatus();
            } else {
                finishSucceeded(result, "stream");
            }
        } else if (event instanceof JobEvent.Failed) {
            JobEvent.Failed failed = (JobEvent.Failed) event;
            finishFailed(failed.error(), failed.errorCode(), "stream");
        } else if (event instanceof JobEvent.StreamTimeout) {
            // The server stops this stream soon after; a fresh one carries on without a gap.
            LOGGER.info("Stream of job {} announced its timeout; opening a new one", jobId);
            note(TimelineEntry.Kind.CONNECTED, "Stream renewed before the server's time limit");
            openStream();
        } else if (event instanceof JobEvent.Ignored) {
            JobEvent.Ignored ignored = (JobEvent.Ignored) event;
            LOGGER.debug("Ignored event '{}' on job {}: {}", ignored.name(), jobId, ignored.reason());
        }
    }

    /**
     * Handles a {@code complete} without a result: the job succeeded as a whole, but whether
     * some strategies failed is unknown, so the outcome waits for the status's result.
     */
    private void confirmWithStatus() {
        LOGGER.info("Job {} completed without a result; reading it from the status", jobId);
        closeStream();
        cancelReconnect();
        publish(withState(snapshot, WatchState.POLLING, "Finished; reading the result from the job status."));
        urgentPoll = true;
        pollSoon(Duration.ZERO);
    }

    /** Handles a stream that ended, failed or went silent before the outcome. */
    private void onDrop(String reason, ApiException error) {
        closeStream();
        boolean wasHealthy = streamOpenedAt != null
                && Duration.between(streamOpenedAt, scheduler.now()).compareTo(policy.healthyStream()) >= 0;
        if (wasHealthy) {
            reconnectAttempts = 0;
        }
        streamOpenedAt = null;
        boolean firstDrop = snapshot.state() != WatchState.POLLING
                && snapshot.state() != WatchState.RECONNECTING;
        if (firstDrop) {
            LOGGER.warn("Stream of job {} dropped ({}); falling back to status polls", jobId, reason);
            note(TimelineEntry.Kind.DROPPED, "Stream lost: " + reason);
            note(TimelineEntry.Kind.POLLING, "Checking status while the stream is down");
        } else {
            LOGGER.warn("Reopening the stream of job {} failed: {}", jobId, reason);
            note(TimelineEntry.Kind.DROPPED, "Reconnect failed: " + reason);
        }
        // NOTE: after a 401 the stream reopens with the refreshed token only at its next backoff
        // step. Status polls in between already use the new token.
        if (error instanceof UnauthorizedException) {
            authFailureHandler.accept(error);
        }
        String notice = "Stream lost: " + reason + ". Checking status instead.";
        WatchState state = firstDrop || snapshot.state() == WatchState.POLLING
                ? WatchState.POLLING : WatchState.RECONNECTING;
        publish(withState(snapshot, state, notice));
        if (firstDrop) {
            // A status snapshot at once, so an outcome reached during the gap shows without delay.
            urgentPoll = true;
            pollSoon(Duration.ZERO);
        } else if (pollTask == null && !pollInFlight) {
            pollSoon(pollInterval);
        }
        scheduleReconnect(error);
    }

    private void scheduleReconnect(ApiException cause) {
        cancelReconnect();
        if (cause instanceof NotFoundException && notFoundForLong()) {
            // The status polls look for the job again; a stream reopens once one finds it.
            LOGGER.info("Job {} not found for long; no more stream reopens until a status finds it",
                    jobId);
            return;
        }
        Duration delay = backoff(reconnectAttempts++);
        if (cause instanceof RateLimitedException) {
            Duration retryAfter = ((RateLimitedException) cause).retryAfter();
            delay = delay.compareTo(retryAfter) < 0 ? retryAfter : delay;
        }
        LOGGER.info("Reopening the stream of job {} in {} ms", jobId, delay.toMillis());
        reconnectTask = scheduler.schedule(delay, this::reconnect);
    }

    private void reconnect() {
        reconnectTask = null;
        if (stopped || paused || snapshot.isFinished()) {
            return;
        }
        Duration wait = budget.delayFor(RequestBudget.Priority.ROUTINE);
        if (!wait.isZero()) {
            reconnectTask = scheduler.schedule(wait, this::reconnect);
            return;
        }
        publish(withState(snapshot, WatchState.RECONNECTING, snapshot.notice()));
        openStream();
    }

    private Duration backoff(int attempt) {
        long base = policy.reconnectInitial().toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, policy.reconnectMax().toMillis());
        double spread = 1 + policy.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
    }

    private void armWatchdog(Duration delay) {
        if (watchdogTask != null) {
            watchdogTask.cancel();
        }
        int generation = streamGeneration;
        watchdogTask = scheduler.schedule(delay, () -> checkIdle(generation));
    }

    private void checkIdle(int generation) {
        if (!isCurrent(generation)) {
            return;
        }
        Duration idle = Duration.between(lastActivityAt, scheduler.now());
        if (idle.compareTo(policy.idleTimeout()) >= 0) {
            onDrop("no data for " + idle.toSeconds() + " s", null);
        } else {
            armWatchdog(policy.idleTimeout().minus(idle));
        }
    }

    // ---- polling -----------------------------------------------------------------------------

    private void pollSoon(Duration delay) {
        if (pollInFlight) {
            return;
        }
        if (pollTask != null) {
            pollTask.cancel();
        }
        pollTask = scheduler.schedule(delay, this::poll);
    }

    private void poll() {
        pollTask = null;
        if (stopped || paused || snapshot.isFinished() || pollInFlight
                || snapshot.state() == WatchState.LIVE) {
            return;
        }
        RequestBudget.Priority priority = urgentPoll
                ? RequestBudget.Priority.URGENT : RequestBudget.Priority.ROUTINE;
        Duration wait = budget.delayFor(priority);
        if (!wait.isZero()) {
            waitForBudget(wait);
            return;
        }
        urgentPoll = false;
        pollInFlight = true;
        int attempt = snapshot.attempt();
        countRequest();
        api.status(jobId).whenComplete((status, failure) ->
                scheduler.execute(() -> onPollResult(attempt, status, failure)));
    }

    private void waitForBudget(Duration wait) {
        Instant until = scheduler.now().plus(wait);
        LOGGER.info("Status poll of job {} waits {} s for the request budget", jobId, wait.toSeconds());
        publish(withNotice(snapshot, "Waiting for the server's request limit until "
                + UNTIL_FORMAT.format(until) + "."));
        pollTask = scheduler.schedule(wait, this::poll);
    }

    private void onPollResult(int attempt, JobStatus status, Throwable failure) {
        pollInFlight = false;
        if (stopped || paused || snapshot.isFinished() || attempt != snapshot.attempt()) {
            return;
        }
        Duration next;
        if (failure != null) {
            next = onPollFailure(unwrap(failure));
        } else {
            boolean wasGone = notFoundSince != null;
            notFoundSince = null;
            boolean changed = applyStatus(status);
            if (snapshot.isFinished()) {
                return;
            }
            if (wasGone && reconnectTask == null && stream == null) {
                scheduleReconnect(null);
            }
            if (snapshot.state() == WatchState.RECONNECTING && stream == null) {
                // Status checks succeed again, so polling follows the job until the stream is back.
                publish(withState(snapshot, WatchState.POLLING, snapshot.notice()));
            }
            next = changed ? policy.pollInitial() : longer(pollInterval);
            pollInterval = next;
        }
        if (snapshot.state() != WatchState.LIVE) {
            pollSoon(next);
        }
    }

    private Duration onPollFailure(ApiException error) {
        LOGGER.warn("Status poll of job {} failed: {}", jobId, error.getMessage());
        if (error instanceof UnauthorizedException) {
            authFailureHandler.accept(error);
        }
        pollInterval = longer(pollInterval);
        String notice;
        Duration next = pollInterval;
        if (error instanceof RateLimitedException) {
            next = ((RateLimitedException) error).retryAfter();
            notice = "Rate limited by the server; next check in " + JobText.duration(next.toSeconds()) + ".";
        } else if (error instanceof NotFoundException) {
            if (notFoundForLong()) {
                next = goneRecheck();
                cancelReconnect();
                notice = JobText.NOT_FOUND_NOTICE_START + UNTIL_FORMAT.format(notFoundSince)
                        + "; it may have been deleted. Checking again every "
                        + JobText.duration(next.toSeconds()) + ".";
            } else {
                notice = "The server cannot find this job (" + error.getMessage() + ").";
            }
        } else {
            notice = "Status check failed: " + error.getMessage();
        }
        // Neither the stream nor a status check works: the watch is trying to get back.
        boolean cutOff = error.isNetworkFailure() || error.status() >= 500;
        WatchState state = cutOff && snapshot.state() == WatchState.POLLING
                ? WatchState.RECONNECTING : snapshot.state();
        publish(withState(snapshot, state, notice));
        return next;
    }

    /**
     * Notes a 404 from the status or stream route. The real status route returns 404 for a
     * moment after a job is created, so one 404 means little. After 404s for longer than four
     * maximum poll intervals the job was most likely deleted, so the watch stops reopening the
     * stream and checks the status only every twenty maximum poll intervals.
     */
    private boolean notFoundForLong() {
        Instant now = scheduler.now();
        if (notFoundSince == null) {
            notFoundSince = now;
        }
        return Duration.between(notFoundSince, now).compareTo(policy.pollMax().multipliedBy(4)) >= 0;
    }

    private Duration goneRecheck() {
        return policy.pollMax().multipliedBy(20);
    }

    private Duration longer(Duration interval) {
        Duration doubled = interval.multipliedBy(2);
        return doubled.compareTo(policy.pollMax()) > 0 ? policy.pollMax() : doubled;
    }

    /** Applies a status; returns whether anything the user sees changed. */
    private boolean applyStatus(JobStatus status) {
        ServerJobState state = status.status() == null ? ServerJobState.UNKNOWN : status.status();
        if (state == ServerJobState.SUCCEEDED) {
            finishSucceeded(status.result(), "status");
            return true;
        }
        if (state == ServerJobState.FAILED) {
            finishFailed(status.error(), status.errorCode(), "status");
            return true;
        }
        ProgressData data = new ProgressData(status.progress(), status.currentStep(),
                status.estimatedTimeRemaining(), null, null, null, null);
        JobSnapshot before = snapshot;
        JobSnapshot after = merge(before, data, state);
        boolean changed = after.progress() != before.progress()
                || !Objects.equals(after.currentStep(), before.currentStep())
                || after.serverState() != before.serverState();
        publish(withNotice(after, null));
        return changed;
    }

    private void cancelPolling() {
        if (pollTask != null) {
            pollTask.cancel();
            pollTask = null;
        }
        pollInterval = policy.pollInitial();
    }

    private void cancelReconnect() {
        if (reconnectTask != null) {
            reconnectTask.cancel();
            reconnectTask = null;
        }
    }

    private void cancelTimers() {
        cancelPolling();
        cancelReconnect();
        if (stuckTask != null) {
            stuckTask.cancel();
            stuckTask = null;
        }
        if (watchdogTask != null) {
            watchdogTask.cancel();
            watchdogTask = null;
        }
    }

    // ---- applying data -----------------------------------------------------------------------

    private void applyProgress(JobEvent.Progress event) {
        ProgressData data = event.data();
        ServerJobState state = snapshot.serverState();
        boolean started = "step-change".equals(event.name())
                || (data.progress() != null && data.progress() > 0);
        if (started && !state.isTerminal()) {
            state = ServerJobState.RUNNING;
        }
        publish(merge(snapshot, data, state));
    }

    /**
     * Merges progress data into a snapshot. Progress never goes down within an attempt, because
     * the snapshot sent on connect can repeat or trail live events. Fields the data lacks keep
     * their last value; the "Strategy X of Y: " prefix fills in strategy fields the data omits.
     */
    private JobSnapshot merge(JobSnapshot base, ProgressData data, ServerJobState state) {
        Instant now = scheduler.now();

        int progress = base.progress();
        if (data.progress() != null) {
            int reported = Math.max(0, Math.min(100, data.progress()));
            if (reported < progress) {
                LOGGER.debug("Job {} reported progress {} below {}; keeping the higher", jobId,
                        reported, progress);
            }
            progress = Math.max(progress, reported);
        }

        String step = data.currentStep() != null ? data.currentStep() : base.currentStep();
        // NOTE: the catch-up snapshot sent on connect carries no phase, so a job first seen
        // mid-run shows no active phase until its next phase event.
        String phase = data.phase() != null ? data.phase() : base.phase();
        Integer index = data.strategyIndex() != null ? data.strategyIndex() : base.strategyIndex();
        Integer total = data.strategyTotal() != null ? data.strategyTotal() : base.strategyTotal();
        if (data.strategyTotal() == null) {
            int[] parsed = JobText.parseStrategyPrefix(data.currentStep()).orElse(null);
            if (parsed != null) {
                index = parsed[0];
                total = parsed[1];
            }
        }

        Integer eta = base.etaSeconds();
        Instant etaAt = base.etaReceivedAt();
        boolean estimateChanged = !Objects.equals(data.estimatedTimeRemaining(), base.etaSeconds())
                || progress != base.progress();
        if (data.progress() != null && estimateChanged) {
            // Restart the countdown only for a new estimate: the backend repeats a fixed ETA in
            // every snapshot and status, which must not reset it.
            eta = data.estimatedTimeRemaining();
            etaAt = eta == null ? null : now;
        }

        boolean changed = progress != base.progress() || !Objects.equals(step, base.currentStep())
                || !Objects.equals(phase, base.phase()) || !Objects.equals(eta, base.etaSeconds())
                || state != base.serverState();
        Instant updatedAt = changed || base.lastUpdateAt() == null ? now : base.lastUpdateAt();
        return new JobSnapshot(jobId, base.attempt(), base.state(), state, progress, phase, index,
                total, step, eta, etaAt, updatedAt, base.error(), base.errorCode(), base.result(),
                base.notice());
    }

    private void finishSucceeded(CalendarResult result, String source) {
        boolean partial = result != null && result.hasFailedStrategies();
        WatchState outcome = partial ? WatchState.PARTLY_FAILED : WatchState.SUCCEEDED;
        JobSnapshot base = snapshot;
        JobSnapshot done = new JobSnapshot(jobId, base.attempt(), outcome, ServerJobState.SUCCEEDED,
                100, base.phase(), base.strategyIndex(), base.strategyTotal(), base.currentStep(),
                null, null, scheduler.now(), null, null, result, null);
        finish(done, source);
    }

    private void finishFailed(String error, String errorCode, String source) {
        JobSnapshot base = snapshot;
        JobSnapshot done = new JobSnapshot(jobId, base.attempt(), WatchState.FAILED,
                ServerJobState.FAILED, base.progress(), base.phase(), base.strategyIndex(),
                base.strategyTotal(), base.currentStep(), null, null, scheduler.now(),
                error == null ? "The job failed without an error message." : error, errorCode,
                null, null);
        finish(done, source);
    }

    private void finish(JobSnapshot done, String source) {
        closeStream();
        cancelTimers();
        LOGGER.info("Job {} attempt {} ended {} (from {})", jobId, done.attempt(), done.state(), source);
        String outcome = done.state() == WatchState.FAILED && done.error() != null
                ? "Failed: " + done.error() : JobText.stateLabel(done.state());
        note(TimelineEntry.Kind.OUTCOME, outcome + " (from the " + source + ")");
        publish(done);
    }

    // ---- commands ----------------------------------------------------------------------------

    private void requestRetry() {
        if (stopped || snapshot.state() != WatchState.FAILED) {
            LOGGER.info("Retry of job {} ignored: state is {}", jobId, snapshot.state());
            return;
        }
        int attempt = snapshot.attempt();
        LOGGER.info("Retrying job {} (attempt {})", jobId, attempt + 1);
        note(TimelineEntry.Kind.RETRY, "Retry requested");
        publish(withNotice(snapshot, "Retrying…"));
        countRequest();
        api.retry(jobId).whenComplete((ignored, failure) -> scheduler.execute(() -> {
            if (stopped || snapshot.attempt() != attempt) {
                return;
            }
            if (failure != null) {
                ApiException error = unwrap(failure);
                LOGGER.warn("Retry of job {} failed: {}", jobId, error.getMessage());
                note(TimelineEntry.Kind.RETRY, "Retry failed: " + error.getMessage());
                publish(withNotice(snapshot, "Retry failed: " + error.getMessage()));
                return;
            }
            startNextAttempt(attempt + 1);
        }));
    }

    private void startNextAttempt(int attempt) {
        closeStream();
        cancelTimers();
        reconnectAttempts = 0;
        note(TimelineEntry.Kind.RETRY, "Attempt " + attempt + " queued by the server");
        publish(new JobSnapshot(jobId, attempt, WatchState.CONNECTING, ServerJobState.QUEUED, 0,
                null, null, null, null, null, null, scheduler.now(), null, null, null, null));
        LOGGER.info("Following job {} attempt {}", jobId, attempt);
        openStream();
    }

    private void requestCancel() {
        if (stopped || snapshot.isFinished()) {
            return;
        }
        LOGGER.info("Cancelling job {}", jobId);
        note(TimelineEntry.Kind.CANCEL, "Cancel requested");
        countRequest();
        api.cancel(jobId).whenComplete((ignored, failure) -> scheduler.execute(() -> {
            if (stopped || snapshot.isFinished()) {
                return;
            }
            String notice = failure == null
                    ? "Cancel requested. A running job stops only after its generation finishes."
                    : "Cancel failed: " + unwrap(failure).getMessage();
            publish(withNotice(snapshot, notice));
        }));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void publish(JobSnapshot proposed) {
        JobSnapshot next = trackQueue(proposed).withHistory(queuedSince, stuck, timelineCopy);
        snapshot = next;
        for (SnapshotListener listener : listeners) {
            try {
                listener.onSnapshot(next);
            } catch (RuntimeException e) {
                LOGGER.error("Snapshot listener of job {} failed", jobId, e);
            }
        }
    }

    private static JobSnapshot withState(JobSnapshot s, WatchState state, String notice) {
        return s.withState(state, notice);
    }

    private static JobSnapshot withNotice(JobSnapshot s, String notice) {
        return s.withNotice(notice);
    }

    @Override
    public long requestsSent() {
        return requestsSent.get();
    }

    private void countRequest() {
        requestsSent.incrementAndGet();
        budget.recordRequest();
    }

    private void note(TimelineEntry.Kind kind, String text) {
        timeline.add(new TimelineEntry(scheduler.now(), kind, text));
        if (timeline.size() > TIMELINE_SIZE) {
            timeline.remove(0);
        }
        timelineCopy = List.copyOf(timeline);
    }

    /**
     * Notes when the attempt started waiting in the queue and arms the stuck check. The real
     * backend can accept a Retry and then never run the job: it re-adds the same id to a queue
     * that ignores ids it still stores.
     */
    private JobSnapshot trackQueue(JobSnapshot next) {
        boolean heardQueued = next.serverState() == ServerJobState.QUEUED
                || (next.serverState() == ServerJobState.UNKNOWN && next.lastUpdateAt() != null
                        && next.progress() == 0 && next.currentStep() == null);
        boolean queued = heardQueued && !next.isFinished() && !paused && !stopped;
        if (!queued) {
            queuedSince = null;
            stuck = false;
            if (stuckTask != null) {
                stuckTask.cancel();
                stuckTask = null;
            }
            return next;
        }
        if (queuedSince == null) {
            queuedSince = scheduler.now();
            int attempt = next.attempt();
            stuckTask = scheduler.schedule(policy.stuckInQueue(), () -> flagStuck(attempt));
        }
        return next;
    }

    private void flagStuck(int attempt) {
        stuckTask = null;
        if (queuedSince == null || stopped || paused || snapshot.isFinished()
                || snapshot.attempt() != attempt) {
            return;
        }
        stuck = true;
        String since = UNTIL_FORMAT.format(queuedSince);
        String text = attempt > 1
                ? "Still queued since " + since + " after Retry: the backend probably did not run it again."
                : "Still queued since " + since + ": no worker has picked the job up.";
        LOGGER.warn("Job {} attempt {} stuck in the queue since {}", jobId, attempt, queuedSince);
        note(TimelineEntry.Kind.STUCK, text);
        publish(snapshot.withNotice(text));
    }

    private static ApiException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException) {
            return (ApiException) cause;
        }
        return new NetworkException(String.valueOf(cause.getMessage()),
                new java.io.IOException(cause));
    }

    /** Posts stream callbacks to the scheduler thread, tagged with their connection generation. */
    private final class StreamCallbacks implements JobStreamListener {
        private final int generation;

        StreamCallbacks(int generation) {
            this.generation = generation;
        }

        @Override
        public void onOpen(JobStream source) {
            scheduler.execute(() -> {
                if (isCurrent(generation)) {
                    onStreamOpen();
                }
            });
        }

        @Override
        public void onEvent(JobStream source, JobEvent event) {
            scheduler.execute(() -> {
                if (isCurrent(generation)) {
                    onStreamEvent(event);
                } else {
                    LOGGER.debug("Dropped event from closed stream {} of job {}", generation, jobId);
                }
            });
        }

        @Override
        public void onActivity(JobStream source) {
            scheduler.execute(() -> {
                if (isCurrent(generation)) {
                    lastActivityAt = scheduler.now();
                }
            });
        }

        @Override
        public void onClosed(JobStream source) {
            scheduler.execute(() -> {
                if (isCurrent(generation)) {
                    onDrop("the server closed the stream", null);
                }
            });
        }

        @Override
        public void onFailure(JobStream source, ApiException error) {
            scheduler.execute(() -> {
                if (isCurrent(generation)) {
                    onDrop(error.getMessage(), error);
                }
            });
        }
    }
}
