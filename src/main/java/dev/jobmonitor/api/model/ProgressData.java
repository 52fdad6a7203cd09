package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code progress-update} and {@code step-change} events. Every field may be missing:
 * the backend today sends no phase or strategy fields except {@code phase:"trends"}, and the
 * snapshot sent on connect carries only progress, step and ETA. ETA is in seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressData(Integer progress, String currentStep, Integer estimatedTimeRemaining,
                           String phase, Integer strategyIndex, Integer strategyTotal,
                           String strategyId) {
}
