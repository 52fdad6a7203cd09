package dev.jobmonitor.ui.job;

import dev.jobmonitor.api.model.StrategyResult;
import dev.jobmonitor.ui.UiText;

/**
 * One strategy's line in a finished job's outcome.
 *
 * @param audienceName the strategy's audience, by name when known
 * @param succeeded    whether the strategy produced a calendar
 * @param text         the line shown, such as "Small bakeries: 30 ideas"
 */
public record StrategyOutcome(String audienceName, boolean succeeded, String text) {
    static StrategyOutcome of(StrategyResult result, String audienceName) {
        return new StrategyOutcome(audienceName, result.succeeded(), textOf(result, audienceName));
    }

    private static String textOf(StrategyResult result, String audienceName) {
        if (result.succeeded()) {
            return result.ideaCount() == null
                    ? UiText.get("job.outcome.succeededNoCount", audienceName)
                    : UiText.get("job.outcome.succeeded", audienceName, result.ideaCount());
        }
        return result.error() == null || result.error().isBlank()
                ? UiText.get("job.outcome.failedNoMessage", audienceName)
                : UiText.get("job.outcome.failed", audienceName, result.error());
    }
}
