package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Outcome of one strategy (audience) inside a content-calendar job. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StrategyResult(String strategyId, Boolean success, Integer ideaCount, String error) {
    public boolean succeeded() {
        return Boolean.TRUE.equals(success);
    }
}
