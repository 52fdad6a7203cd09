package dev.jobmonitor.watch;

import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ServerJobState;
import java.time.Instant;
import java.util.List;

/**
 * Immutable view of one watched job at one moment, as the watcher publishes it.
 *
 * @param jobId         the backend's job id
 * @param attempt       1 for the first run, incremented by each Retry
 * @param state         connection mode or outcome
 * @param serverState   the last status the server reported, UNKNOWN before the first
 * @param progress      0 to 100, never lower than an earlier value of the same attempt
 * @param phase         the last phase reported (one of {@link Phases#KNOWN} or another name
 *                      such as "trends"), or null
 * @param strategyIndex 0-based index of the strategy being generated, or null
 * @param strategyTotal number of strategies in the job, or null when not reported
 * @param currentStep   the server's step text, or null
 * @param etaSeconds    estimated seconds remaining as last reported, or null for none
 * @param etaReceivedAt when {@code etaSeconds} arrived, so the UI can count down from it
 * @param lastUpdateAt  when the server last sent job data (an event or a status), or null
 * @param error         the job's error text when it failed, or null
 * @param errorCode     the job's error code, or null
 * @param result        the calendar result once known, or null
 * @param notice        a short message about the watch itself (a drop, a failed Retry), or null
 * @param queuedSince   when this attempt was first seen waiting in the queue, or null while it
 *                      is not queued
 * @param stuckInQueue  true when the attempt stayed queued far longer than a worker needs to
 *                      pick it up, which happens when the backend never runs a retried job
 * @param timeline      the watch's recent connection history, oldest first
 */
public record JobSnapshot(String jobId, int attempt, WatchState state, ServerJobState serverState,
                          int progress, String phase, Integer strategyIndex, Integer strategyTotal,
                          String currentStep, Integer etaSeconds, Instant etaReceivedAt,
                          Instant lastUpdateAt, String error, String errorCode,
                          CalendarResult result, String notice, Instant queuedSince,
                          boolean stuckInQueue, List<TimelineEntry> timeline) {

    public JobSnapshot {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A snapshot without queue information or timeline. */
    public JobSnapshot(String jobId, int attempt, WatchState state, ServerJobState serverState,
                       int progress, String phase, Integer strategyIndex, Integer strategyTotal,
                       String currentStep, Integer etaSeconds, Instant etaReceivedAt,
                       Instant lastUpdateAt, String error, String errorCode,
                       CalendarResult result, String notice) {
        this(jobId, attempt, state, serverState, progress, phase, strategyIndex, strategyTotal,
                currentStep, etaSeconds, etaReceivedAt, lastUpdateAt, error, errorCode, result,
                notice, null, false, List.of());
    }

    /** The snapshot of a job nothing is known about yet. */
    public static JobSnapshot initial(String jobId, int attempt) {
        return new JobSnapshot(jobId, attempt, WatchState.CONNECTING, ServerJobState.UNKNOWN, 0,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean isFinished() {
        return state.isOutcome();
    }

    /** This snapshot in another state, with another notice. */
    public JobSnapshot withState(WatchState newState, String newNotice) {
        return new JobSnapshot(jobId, attempt, newState, serverState, progress, phase, strategyIndex,
                strategyTotal, currentStep, etaSeconds, etaReceivedAt, lastUpdateAt, error,
                errorCode, result, newNotice, queuedSince, stuckInQueue, timeline);
    }

    /** This snapshot with another notice. */
    public JobSnapshot withNotice(String newNotice) {
        return withState(state, newNotice);
    }

    /** This snapshot with the given queue information and timeline. */
    public JobSnapshot withHistory(Instant newQueuedSince, boolean newStuck,
                                   List<TimelineEntry> newTimeline) {
        return new JobSnapshot(jobId, attempt, state, serverState, progress, phase, strategyIndex,
                strategyTotal, currentStep, etaSeconds, etaReceivedAt, lastUpdateAt, error,
                errorCode, result, notice, newQueuedSince, newStuck, newTimeline);
    }
}
