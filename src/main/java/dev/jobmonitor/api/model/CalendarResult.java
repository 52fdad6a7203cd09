package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The {@code result} of a finished content-calendar job. A job can be {@code succeeded} while
 * some or all of its strategies failed: {@code success} is false only when every one failed, and
 * {@code failed} is a count, not a list.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CalendarResult(Boolean success, Integer strategyCount, Integer succeeded,
                             Integer failed, List<StrategyResult> results) {
    public CalendarResult {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** True when any strategy failed, judged from the per-strategy list and the counts. */
    public boolean hasFailedStrategies() {
        boolean listed = results.stream().anyMatch(r -> !r.succeeded());
        boolean counted = failed != null && failed > 0;
        return listed || counted || Boolean.FALSE.equals(success);
    }
}
