package dev.jobmonitor.ui.fakes;

import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ServerJobState;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.TimelineEntry;
import dev.jobmonitor.watch.WatchState;
import java.time.Instant;
import java.util.List;

/** Builds {@link JobSnapshot}s for tests, starting from a live, running job. */
public final class SnapshotBuilder {
    private final String jobId;
    private int attempt = 1;
    private WatchState state = WatchState.LIVE;
    private ServerJobState serverState = ServerJobState.RUNNING;
    private int progress;
    private String phase;
    private Integer strategyIndex;
    private Integer strategyTotal;
    private String currentStep;
    private Integer etaSeconds;
    private Instant etaReceivedAt;
    private Instant lastUpdateAt;
    private String error;
    private String errorCode;
    private CalendarResult result;
    private String notice;
    private Instant queuedSince;
    private boolean stuckInQueue;
    private List<TimelineEntry> timeline = List.of();

    private SnapshotBuilder(String jobId) {
        this.jobId = jobId;
    }

    public static SnapshotBuilder running(String jobId) {
        return new SnapshotBuilder(jobId);
    }

    public SnapshotBuilder attempt(int value) {
        attempt = value;
        return this;
    }

    public SnapshotBuilder state(WatchState value) {
        state = value;
        return this;
    }

    public SnapshotBuilder serverState(ServerJobState value) {
        serverState = value;
        return this;
    }

    public SnapshotBuilder progress(int value) {
        progress = value;
        return this;
    }

    public SnapshotBuilder phase(String value) {
        phase = value;
        return this;
    }

    public SnapshotBuilder strategy(int index, int total) {
        strategyIndex = index;
        strategyTotal = total;
        return this;
    }

    public SnapshotBuilder step(String value) {
        currentStep = value;
        return this;
    }

    public SnapshotBuilder eta(int seconds, Instant receivedAt) {
        etaSeconds = seconds;
        etaReceivedAt = receivedAt;
        return this;
    }

    public SnapshotBuilder lastUpdate(Instant value) {
        lastUpdateAt = value;
        return this;
    }

    public SnapshotBuilder failed(String errorText, String code) {
        state = WatchState.FAILED;
        serverState = ServerJobState.FAILED;
        error = errorText;
        errorCode = code;
        return this;
    }

    public SnapshotBuilder outcome(WatchState outcome, CalendarResult value) {
        state = outcome;
        serverState = ServerJobState.SUCCEEDED;
        progress = 100;
        result = value;
        return this;
    }

    public SnapshotBuilder notice(String value) {
        notice = value;
        return this;
    }

    /** Marks the attempt as queued since {@code since}, and as stuck there if {@code stuck}. */
    public SnapshotBuilder queued(Instant since, boolean stuck) {
        serverState = ServerJobState.QUEUED;
        queuedSince = since;
        stuckInQueue = stuck;
        return this;
    }

    public SnapshotBuilder timeline(TimelineEntry... entries) {
        timeline = List.of(entries);
        return this;
    }

    public JobSnapshot build() {
        return new JobSnapshot(jobId, attempt, state, serverState, progress, phase, strategyIndex,
                strategyTotal, currentStep, etaSeconds, etaReceivedAt, lastUpdateAt, error,
                errorCode, result, notice, queuedSince, stuckInQueue, timeline);
    }
}
