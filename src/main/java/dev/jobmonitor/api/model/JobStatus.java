package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of {@code GET /jobs/:id/status}. It carries no job type and no phase or strategy fields.
 * After success {@code currentStep} is null; a cancelled job is {@code failed} with error
 * "Cancelled" and may still show progress 100 and step "Complete".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobStatus(String jobId, ServerJobState status, Integer progress, String currentStep,
                        Integer estimatedTimeRemaining, String error, String errorCode,
                        CalendarResult result, String createdAt, String updatedAt) {
}
