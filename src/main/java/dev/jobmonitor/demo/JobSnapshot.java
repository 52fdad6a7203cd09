package dev.jobmonitor.demo;

import java.time.Instant;
import java.util.List;

/**
 * A copy of one job row at a moment, for tests and the app's seed list.
 *
 * @param status {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param estimatedTimeRemaining seconds, or null
 * @param resultJson the result object as JSON text, or null
 * @param attempt 1 for the first run, plus one per retry
 * @param cancelRequested whether a cancel arrived that the run has not acted on yet
 */
public record JobSnapshot(
        String jobId,
        String ownerEmail,
        List<String> strategyIds,
        ProgressProfile profile,
        String status,
        int progress,
        String currentStep,
        Integer estimatedTimeRemaining,
        String error,
        String errorCode,
        String resultJson,
        Instant createdAt,
        Instant updatedAt,
        int attempt,
        boolean cancelRequested) {

    public JobSnapshot {
        strategyIds = List.copyOf(strategyIds);
    }

    /** Returns whether the job is {@code succeeded} or {@code failed}. */
    public boolean isFinished() {
        return "succeeded".equals(status) || "failed".equals(status);
    }
}
