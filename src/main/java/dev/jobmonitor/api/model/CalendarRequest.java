package dev.jobmonitor.api.model;

/**
 * Outcome of {@code POST /audiences/:id/request-content-calendar}: the job id, and whether the
 * server queued a new job (201) or returned one already in progress (200).
 */
public record CalendarRequest(String jobId, boolean created, String message) {
}
