package dev.jobmonitor.ui.job;

import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ServerJobState;
import dev.jobmonitor.api.model.StrategyResult;
import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.JobText;
import dev.jobmonitor.watch.KnownJob;
import dev.jobmonitor.watch.SnapshotListener;
import dev.jobmonitor.watch.WatchState;
import dev.jobmonitor.watch.WatchedJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job as the window shows it, in the jobs table and in the job detail. Snapshots from the
 * job's {@link WatchedJob} arrive through the {@link FxHandoff}, so every property changes on
 * the FX thread. Every public method must be called on the FX thread.
 */
public final class JobViewModel {
    private static final Logger LOGGER = LoggerFactory.getLogger(JobViewModel.class);
    /**
     * Silence after which a running job shows "Still working". The backend sends no events
     * while the AI generates, often for minutes, so silence alone is no sign of trouble.
     */
    static final Duration STILL_WORKING_AFTER = Duration.ofSeconds(10);
    private static final int SHORT_ID_LENGTH = 8;

    private KnownJob knownJob;
    private final JobContext context;
    private final Runnable tickListener = this::refreshClockFx;
    private final CalendarViewModel calendar;
    private WatchedJob watchedJob;
    /** Kept so {@link #dispose()} can remove the same listener instance. */
    private SnapshotListener snapshotListener;
    private boolean seenUnfinished;
    /**
     * The last attempt seen queued or running, so only outcomes watched here are announced.
     * Written on the watch's thread before the hand-off, which may coalesce a running snapshot
     * with the outcome right after it; read on the FX thread.
     */
    private volatile int activeAttemptSeen;
    private int outcomeAttemptAnnounced;
    /** Attempt and notice when Retry was pressed, to detect the watch's response to the retry. */
    private int retryAttempt;
    private String retryNotice;

    private final ReadOnlyObjectWrapper<JobSnapshot> snapshot;
    private final ReadOnlyObjectWrapper<WatchState> connectionMode =
            new ReadOnlyObjectWrapper<>(this, "connectionMode", WatchState.CONNECTING);
    private final ReadOnlyStringWrapper connectionText =
            new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText =
            new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyBooleanWrapper progressKnown =
            new ReadOnlyBooleanWrapper(this, "progressKnown", true);
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase");
    private final ReadOnlyStringWrapper strategyBadge =
            new ReadOnlyStringWrapper(this, "strategyBadge", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
    private final ReadOnlyStringWrapper lastUpdateText =
            new ReadOnlyStringWrapper(this, "lastUpdateText", "");
    private final ReadOnlyStringWrapper updatedAgoText =
            new ReadOnlyStringWrapper(this, "updatedAgoText", "");
    private final ReadOnlyBooleanWrapper stillWorking =
            new ReadOnlyBooleanWrapper(this, "stillWorking");
    private final WatchWarnings warnings = new WatchWarnings();
    private final ConnectionHistory history = new ConnectionHistory();
    private final ReadOnlyStringWrapper regenerateNote =
            new ReadOnlyStringWrapper(this, "regenerateNote", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    private final ReadOnlyStringWrapper errorCodeText =
            new ReadOnlyStringWrapper(this, "errorCodeText", "");
    private final ReadOnlyStringWrapper actionError =
            new ReadOnlyStringWrapper(this, "actionError", "");
    private final ReadOnlyStringWrapper audienceNames =
            new ReadOnlyStringWrapper(this, "audienceNames", "");
    private final ReadOnlyBooleanWrapper audiencesKnown =
            new ReadOnlyBooleanWrapper(this, "audiencesKnown");
    private final ReadOnlyBooleanWrapper pinned = new ReadOnlyBooleanWrapper(this, "pinned");
    private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper(this, "retrying");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper cancelRequested =
            new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper regenerating =
            new ReadOnlyBooleanWrapper(this, "regenerating");
    private final ReadOnlyBooleanWrapper canRegenerate =
            new ReadOnlyBooleanWrapper(this, "canRegenerate");
    private final BooleanProperty notify = new SimpleBooleanProperty(this, "notify", true);
    private final ObservableList<StrategyOutcome> strategyOutcomes =
            FXCollections.observableArrayList();
    private final ObservableList<StrategyOutcome> readOnlyStrategyOutcomes =
            FXCollections.unmodifiableObservableList(strategyOutcomes);

    /** Creates the ViewModel; call {@link #watch()} to start receiving snapshots. */
    public JobViewModel(KnownJob knownJob, JobContext context) {
        this.knownJob = Objects.requireNonNull(knownJob, "knownJob");
        this.context = Objects.requireNonNull(context, "context");
        this.snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot",
                JobSnapshot.initial(knownJob.jobId(), 1));
        this.calendar = new CalendarViewModel(context, this::audienceNameFor);
        canRetry.bind(connectionMode.isEqualTo(WatchState.FAILED).and(retrying.not()));
        // A paused watch has no valid token, so a Cancel would only fail.
        canCancel.bind(finished.not().and(cancelRequested.not())
                .and(connectionMode.isNotEqualTo(WatchState.PAUSED)));
        canRegenerate.bind(connectionMode.isEqualTo(WatchState.PARTLY_FAILED)
                .or(warnings.stuckInQueueProperty().and(audiencesKnown))
                .and(regenerating.not()));
        pinned.set(knownJob.pinned());
        applyFx(snapshot.get());
        refreshAudienceNamesFx();
    }

    /** Starts following the job through the session's watch. Call once. */
    public void watch() {
        if (watchedJob != null) {
            return;
        }
        FxHandoff.Slot<JobSnapshot> slot = context.handoff().newSlot(this::applyFx);
        snapshotListener = next -> {
            noteActiveAttempt(next);
            slot.offer(next);
        };
        watchedJob = context.session().watch(knownJob.jobId());
        watchedJob.addListener(snapshotListener);
        context.ticker().addListenerFx(tickListener);
    }

    /** Stops receiving snapshots; the watch itself belongs to the session and keeps running. */
    public void dispose() {
        if (watchedJob != null) {
            watchedJob.removeListener(snapshotListener);
        }
        context.ticker().removeListenerFx(tickListener);
    }

    /** Marks the job as shown in the detail view, which loads its calendar once it has one. */
    public void open() {
        calendar.open(snapshot.get(), knownJob);
    }

    /** Asks the backend to run the failed job again; the new attempt arrives as snapshots. */
    public void retry() {
        if (!canRetry.get() || watchedJob == null) {
            return;
        }
        LOGGER.info("Retrying job {}", knownJob.jobId());
        retryAttempt = snapshot.get().attempt();
        retryNotice = snapshot.get().notice();
        retrying.set(true);
        actionError.set("");
        watchedJob.retry();
    }

    /** Asks the backend to cancel the queued or running job. */
    public void cancel() {
        if (!canCancel.get() || watchedJob == null) {
            return;
        }
        LOGGER.info("Cancelling job {}", knownJob.jobId());
        cancelRequested.set(true);
        watchedJob.cancel();
    }

    /**
     * Requests new calendars for the audiences whose strategy failed in this job, or for all of
     * its audiences while it is stuck in the queue.
     */
    public void regenerate() {
        List<String> audienceIds = regenerateTargets();
        if (!canRegenerate.get() || audienceIds.isEmpty()) {
            return;
        }
        LOGGER.info("Regenerating calendars of job {} for audiences {}", knownJob.jobId(),
                audienceIds);
        regenerating.set(true);
        actionError.set("");
        regenerateNote.set("");

        List<CompletableFuture<KnownJob>> requests = new ArrayList<>();
        for (String audienceId : audienceIds) {
            requests.add(context.session().requestCalendar(audienceId));
        }
        CompletableFuture<List<KnownJob>> all = CompletableFuture
                .allOf(requests.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> requests.stream().map(CompletableFuture::join).toList());
        context.handoff().deliver(all, this::regeneratedFx, this::regenerateFailedFx);
    }

    /**
     * Takes a newer record of the same job, such as one that gained audience ids when the job
     * was found again on an audience, and updates the texts that name its audiences.
     */
    public void updateKnownJobFx(KnownJob updated) {
        if (!updated.jobId().equals(knownJob.jobId()) || updated.equals(knownJob)) {
            return;
        }
        knownJob = updated;
        pinned.set(updated.pinned());
        refreshAudienceNamesFx();
    }

    /** Recomputes texts that contain audience names, after the host loaded audiences. */
    public void refreshAudienceNamesFx() {
        List<String> names = new ArrayList<>();
        for (String audienceId : audienceIds()) {
            names.add(audienceNameFor(audienceId));
        }
        audienceNames.set(names.isEmpty() ? UiText.get("jobs.audiences.unknown")
                : String.join(", ", names));
        audiencesKnown.set(!names.isEmpty());
        updateOutcomesFx(snapshot.get().result());
        calendar.refreshNamesFx();
    }

    private void applyFx(JobSnapshot next) {
        JobSnapshot previous = snapshot.get();
        snapshot.set(next);
        connectionMode.set(next.state());
        finished.set(next.isFinished());
        connectionText.set(next.isFinished() ? UiText.get("job.connection.finished")
                : JobText.stateLabel(next.state()));
        ZoneId zone = context.clock().getZone();
        warnings.applyFx(next, zone);
        if (!warnings.isStuckInQueue()) {
            regenerateNote.set("");
        }
        history.applyFx(next.timeline(), zone);

        stateText.set(warnings.isNotFound() ? UiText.get("job.state.notFound")
                : JobText.stateLabel(next));
        progress.set(Math.max(0, Math.min(100, next.progress())) / 100.0);
        progressText.set(UiText.get("job.progress.percent", next.progress()));
        progressKnown.set(isProgressKnown(next));
        phase.set(next.phase());
        strategyBadge.set(JobText.strategyBadge(next).orElse(""));
        // The error box below the status shows the error itself.
        stepText.set(next.state() == WatchState.FAILED ? UiText.get("job.step.failed")
                : JobText.stepLabel(next));
        errorText.set(next.state() == WatchState.FAILED
                ? Objects.requireNonNullElse(next.error(), "") : "");
        errorCodeText.set(next.state() == WatchState.FAILED && next.errorCode() != null
                ? UiText.get("job.error.code", next.errorCode()) : "");
        updateActionsFx(previous, next);
        updateOutcomesFx(next.result());
        refreshClockFx();
        calendar.snapshotChangedFx(next, knownJob);
        reportFinishFx(next);
        announceOutcomeFx(next);
    }

    /**
     * Notes an attempt that the server reported queued or running, on the watch's thread. A
     * job that had finished before the window loaded it reports only its outcome, although
     * its watch passes through Live on the way.
     */
    private void noteActiveAttempt(JobSnapshot next) {
        boolean active = !next.isFinished() && (next.lastUpdateAt() != null
                || next.serverState() == ServerJobState.RUNNING
                || next.serverState() == ServerJobState.QUEUED);
        if (active) {
            activeAttemptSeen = next.attempt();
        }
    }

    /** Tells the host once per attempt that an attempt seen queued or running has ended. */
    private void announceOutcomeFx(JobSnapshot next) {
        int attempt = next.attempt();
        boolean announced = outcomeAttemptAnnounced == attempt;
        if (next.isFinished() && activeAttemptSeen == attempt && !announced) {
            outcomeAttemptAnnounced = attempt;
            context.host().outcomeReachedFx(this);
        }
    }

    /**
     * Returns false for a failed job whose progress the watch never saw. The stream of a job
     * that failed before it was opened sends only the error, and 0 % would suggest that the
     * job failed at its start.
     */
    private static boolean isProgressKnown(JobSnapshot job) {
        boolean nothingSeen = job.progress() == 0 && job.phase() == null
                && job.currentStep() == null;
        return !(job.state() == WatchState.FAILED && nothingSeen);
    }

    private void updateActionsFx(JobSnapshot previous, JobSnapshot next) {
        if (retrying.get() && retryAnswered(next)) {
            retrying.set(false);
        }
        if (next.isFinished() || next.attempt() != previous.attempt()) {
            cancelRequested.set(false);
        }
    }

    private boolean retryAnswered(JobSnapshot next) {
        boolean newNotice = next.notice() != null && !next.notice().equals(retryNotice);
        return next.attempt() > retryAttempt || next.state() != WatchState.FAILED || newNotice;
    }

    private void reportFinishFx(JobSnapshot next) {
        if (!next.isFinished()) {
            seenUnfinished = true;
        } else if (seenUnfinished) {
            seenUnfinished = false;
            context.host().jobFinishedFx(this);
        }
    }

    private void updateOutcomesFx(CalendarResult result) {
        List<StrategyOutcome> outcomes = new ArrayList<>();
        if (result != null) {
            for (StrategyResult strategy : result.results()) {
                outcomes.add(StrategyOutcome.of(strategy, audienceNameFor(strategy.strategyId())));
            }
        }
        if (!outcomes.equals(strategyOutcomes)) {
            strategyOutcomes.setAll(outcomes);
        }
    }

    /** Recomputes the texts that change with time alone; run once a second by the ticker. */
    private void refreshClockFx() {
        JobSnapshot current = snapshot.get();
        Instant now = context.clock().instant();
        // Without current data (paused, server unreachable, job not found) the window cannot
        // tell how far the job got, so it shows no countdown and no "Still working".
        boolean unknown = !JobText.hasCurrentData(current) || warnings.isNotFound();
        etaText.set(unknown ? "" : JobText.eta(current, now).orElse(""));
        lastUpdateText.set(JobText.sinceLastUpdate(current, now)
                .orElse(UiText.get("jobs.lastUpdate.none")));
        updatedAgoText.set(updatedAgo(current, now));
        stillWorking.set(!unknown && isSilentWhileRunning(current, now));
    }

    /** Returns the compact age for the jobs table, whose column header already says "Updated". */
    private static String updatedAgo(JobSnapshot job, Instant now) {
        if (job.lastUpdateAt() == null) {
            return UiText.get("jobs.updated.none");
        }
        long seconds = Math.max(0, Duration.between(job.lastUpdateAt(), now).getSeconds());
        if (seconds < 2) {
            return UiText.get("jobs.updated.justNow");
        }
        return UiText.get("jobs.updated.ago", JobText.duration(toLargestUnit(seconds)));
    }

    /** Drops the seconds from ages over a minute and the minutes from ages over an hour. */
    private static long toLargestUnit(long seconds) {
        if (seconds < 60) {
            return seconds;
        }
        if (seconds < 3600) {
            return seconds / 60 * 60;
        }
        return seconds / 3600 * 3600;
    }

    private static boolean isSilentWhileRunning(JobSnapshot job, Instant now) {
        if (job.isFinished() || job.serverState() != ServerJobState.RUNNING
                || job.lastUpdateAt() == null) {
            return false;
        }
        return Duration.between(job.lastUpdateAt(), now).compareTo(STILL_WORKING_AFTER) >= 0;
    }

    /**
     * Selects the jobs that Regenerate started. A request that returned this job itself started
     * nothing, because the backend returns the audience's job in progress instead of a new one.
     */
    private void regeneratedFx(List<KnownJob> jobs) {
        regenerating.set(false);
        List<KnownJob> started = jobs.stream()
                .filter(job -> !job.jobId().equals(getJobId()))
                .toList();
        if (started.size() < jobs.size()) {
            LOGGER.info("Regenerate for job {} returned the same job; nothing new started",
                    getJobId());
            String note = UiText.get("job.regenerate.sameJob", getShortId());
            if (warnings.isStuckInQueue()) {
                regenerateNote.set(note);
            } else {
                actionError.set(note);
            }
        }
        if (!started.isEmpty()) {
            context.host().jobsStartedFx(started);
        }
    }

    private void regenerateFailedFx(Throwable failure) {
        LOGGER.warn("Regenerate for job {} failed", knownJob.jobId(), failure);
        regenerating.set(false);
        actionError.set(UiText.get("job.regenerate.failed", failure.getMessage()));
    }

    /** Returns the failed strategies' audiences, or all of the job's audiences if none is listed. */
    private List<String> regenerateTargets() {
        CalendarResult result = snapshot.get().result();
        List<String> failed = result == null ? List.of() : result.results().stream()
                .filter(strategy -> !strategy.succeeded() && strategy.strategyId() != null)
                .map(StrategyResult::strategyId)
                .toList();
        return failed.isEmpty() ? audienceIds() : failed;
    }

    /** Returns the job's audiences as recorded, or else as listed in its result. */
    List<String> audienceIds() {
        Set<String> ids = new LinkedHashSet<>(knownJob.audienceIds());
        CalendarResult result = snapshot.get().result();
        if (ids.isEmpty() && result != null) {
            result.results().stream().map(StrategyResult::strategyId)
                    .filter(Objects::nonNull).forEach(ids::add);
        }
        return List.copyOf(ids);
    }

    private String audienceNameFor(String audienceId) {
        String name = context.host().audienceName(audienceId);
        if (name != null) {
            return name;
        }
        String loaded = calendar == null ? null : calendar.loadedName(audienceId);
        return loaded != null ? loaded : UiText.get("job.audience.fallback", shortId(audienceId));
    }

    private static String shortId(String id) {
        if (id == null) {
            return "?";
        }
        return id.length() <= SHORT_ID_LENGTH ? id : id.substring(0, SHORT_ID_LENGTH);
    }

    public KnownJob getKnownJob() {
        return knownJob;
    }

    public String getJobId() {
        return knownJob.jobId();
    }

    /** Returns the first 8 characters of the job id, enough to tell jobs apart in a table. */
    public String getShortId() {
        return shortId(knownJob.jobId());
    }

    public CalendarViewModel getCalendar() {
        return calendar;
    }

    public ReadOnlyObjectProperty<JobSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public JobSnapshot getSnapshot() {
        return snapshot.get();
    }

    /** The watch's connection mode while the job runs, or its outcome. */
    public ReadOnlyObjectProperty<WatchState> connectionModeProperty() {
        return connectionMode.getReadOnlyProperty();
    }

    public WatchState getConnectionMode() {
        return connectionMode.get();
    }

    /** "Live", "Polling", "Reconnecting", "Connecting", or that the watch has ended. */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    /** The short state name for the jobs table, such as "Live" or "Partly failed". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public boolean isFinished() {
        return finished.get();
    }

    /** Progress from 0 to 1, as a ProgressBar takes it. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public double getProgress() {
        return progress.get();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** False while the job failed before the watch saw any of its progress. */
    public ReadOnlyBooleanProperty progressKnownProperty() {
        return progressKnown.getReadOnlyProperty();
    }

    /** The last phase the server reported, or null. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** "Strategy 2 of 3" for jobs over several strategies, else empty. */
    public ReadOnlyStringProperty strategyBadgeProperty() {
        return strategyBadge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    /** "About 40s remaining", "Taking longer than estimated", or empty without an estimate. */
    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    public String getEtaText() {
        return etaText.get();
    }

    /** "Last update 5s ago", "Updated just now", or that no data has arrived yet. */
    public ReadOnlyStringProperty lastUpdateTextProperty() {
        return lastUpdateText.getReadOnlyProperty();
    }

    /** "5s ago", "just now", or a dash before the first update. */
    public ReadOnlyStringProperty updatedAgoTextProperty() {
        return updatedAgoText.getReadOnlyProperty();
    }

    /** True while the job runs and the server has sent nothing for a while. */
    public ReadOnlyBooleanProperty stillWorkingProperty() {
        return stillWorking.getReadOnlyProperty();
    }

    /** The job's error text while it is failed, or empty. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorCodeTextProperty() {
        return errorCodeText.getReadOnlyProperty();
    }

    /** Why the last Regenerate failed, or empty. */
    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError.getReadOnlyProperty();
    }

    /** The names of the job's audiences, comma-separated, or a dash when none is known. */
    public ReadOnlyStringProperty audienceNamesProperty() {
        return audienceNames.getReadOnlyProperty();
    }

    /** True once the job's audiences are known, from this client's records or the result. */
    public ReadOnlyBooleanProperty audiencesKnownProperty() {
        return audiencesKnown.getReadOnlyProperty();
    }

    /** True from Retry until the watch reports the new attempt or the retry's failure. */
    /** True while the user has the job pinned to the top of the jobs list. */
    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public boolean isPinned() {
        return pinned.get();
    }

    public ReadOnlyBooleanProperty retryingProperty() {
        return retrying.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    /** True while the calendars requested by Regenerate are on their way. */
    public ReadOnlyBooleanProperty regeneratingProperty() {
        return regenerating.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRegenerateProperty() {
        return canRegenerate.getReadOnlyProperty();
    }

    /** One line per strategy of the finished job. */
    public ObservableList<StrategyOutcome> getStrategyOutcomes() {
        return readOnlyStrategyOutcomes;
    }

    /** The notice, and the warnings about a job not found or stuck in the queue. */
    public WatchWarnings getWarnings() {
        return warnings;
    }

    /** Why Regenerate of a stuck job started nothing, or empty. */
    public ReadOnlyStringProperty regenerateNoteProperty() {
        return regenerateNote.getReadOnlyProperty();
    }

    /** The watch's connection history. */
    public ConnectionHistory getHistory() {
        return history;
    }

    /**
     * Whether the user wants desktop notifications about this job ("Notify me"); true unless
     * switched off. The window's notifications read and save it.
     */
    public BooleanProperty notifyProperty() {
        return notify;
    }

    public boolean isNotify() {
        return notify.get();
    }
}

