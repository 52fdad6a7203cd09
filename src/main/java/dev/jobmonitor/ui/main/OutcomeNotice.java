package dev.jobmonitor.ui.main;

import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.JobText;
import dev.jobmonitor.watch.WatchState;

/**
 * The notification that one attempt of a watched job reached its outcome.
 *
 * @param jobId   the job's id
 * @param attempt the attempt that ended
 * @param outcome SUCCEEDED, PARTLY_FAILED or FAILED
 * @param text    "Job 40423aa1 succeeded", "Job 40423aa1 failed: Cancelled" and so on
 */
public record OutcomeNotice(String jobId, int attempt, WatchState outcome, String text) {

    /** Creates the notice for a finished snapshot of the job with the given short id. */
    static OutcomeNotice of(JobSnapshot outcome, String shortId) {
        return new OutcomeNotice(outcome.jobId(), outcome.attempt(), outcome.state(),
                textOf(outcome, shortId));
    }

    private static String textOf(JobSnapshot outcome, String shortId) {
        switch (outcome.state()) {
            case SUCCEEDED:
                return UiText.get("notice.succeeded", shortId);
            case PARTLY_FAILED:
                // The backend ends such a job as completed, but the table calls it All failed.
                return JobText.allStrategiesFailed(outcome.result())
                        ? UiText.get("notice.allFailed", shortId)
                        : UiText.get("notice.partlyFailed", shortId);
            case FAILED:
                return outcome.error() == null ? UiText.get("notice.failedNoError", shortId)
                        : UiText.get("notice.failed", shortId, outcome.error());
            default:
                throw new IllegalArgumentException("Not an outcome: " + outcome.state());
        }
    }
}
