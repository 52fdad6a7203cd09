package dev.jobmonitor.demo.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.ProgressProfile;
import java.util.List;

/** Builds the payloads of progress events in both profiles. */
final class ProgressEvents {
    static final String COMPLETE_STEP = "Complete";
    static final String TRENDS_STEP = "Fetching trending topics...";
    static final List<String> PHASES =
            List.of("audience", "organization", "keywords", "generating", "saving");
    static final List<String> PHASE_MESSAGES = List.of(
            "Loading audience...",
            "Loading organization context...",
            "Loading SEO keywords...",
            "Generating 30-day content ideas with AI...",
            "Saving calendar...");
    /** The ETA of the 5 % start event, fixed in the real worker. */
    static final int START_ETA = 60;
    /** The ETA of the 8 % trends event, fixed in the real worker. */
    static final int TRENDS_ETA = 55;

    private ProgressEvents() {
    }

    static ObjectNode progress(int progress, String currentStep, Integer estimatedTimeRemaining) {
        ObjectNode data = Json.object();
        data.put("progress", progress);
        data.put("currentStep", currentStep);
        data.put("estimatedTimeRemaining", estimatedTimeRemaining);
        return data;
    }

    /**
     * Returns the 5 % step label. For one strategy the current backend labels it "7-day" although
     * it generates 30 ideas, and the documented profile labels it "30-day".
     */
    static String startMessage(ProgressProfile profile, int strategyTotal) {
        if (strategyTotal > 1) {
            return "Starting (" + strategyTotal + " strategies)...";
        }
        return profile == ProgressProfile.CURRENT
                ? "Generating 7-day content calendar..."
                : "Generating 30-day content calendar...";
    }

    /** Returns {@code min(95, 5 + round(step / totalSteps * 90))}, rounding as JavaScript does. */
    static int phaseProgress(int step, int totalSteps) {
        return (int) Math.min(95, 5 + Math.round((double) step / totalSteps * 90));
    }

    /** Returns {@code max(10, round((1 - progress / 100) * 90))} seconds. */
    static int phaseEta(int progress) {
        return (int) Math.max(10, Math.round((1 - progress / 100.0) * 90));
    }

    /**
     * Builds the event of phase {@code step} (0-based over all strategies) in the documented
     * profile.
     */
    static ObjectNode phase(int step, List<String> strategyIds) {
        int strategyTotal = strategyIds.size();
        int strategyIndex = step / PHASES.size();
        int phaseIndex = step % PHASES.size();
        int progress = phaseProgress(step, strategyTotal * PHASES.size());
        String prefix = strategyTotal > 1
                ? "Strategy " + (strategyIndex + 1) + " of " + strategyTotal + ": "
                : "";
        String currentStep = prefix + PHASE_MESSAGES.get(phaseIndex);
        ObjectNode data = progress(progress, currentStep, phaseEta(progress));
        data.put("phase", PHASES.get(phaseIndex));
        data.put("strategyIndex", strategyIndex);
        data.put("strategyTotal", strategyTotal);
        data.put("strategyId", strategyIds.get(strategyIndex));
        return data;
    }

    static ObjectNode trends(int keywordCount, int fetchedCount) {
        ObjectNode data = progress(8, TRENDS_STEP, TRENDS_ETA);
        data.put("phase", "trends");
        data.put("trendsKeywordCount", keywordCount);
        data.put("trendsFetchedCount", fetchedCount);
        return data;
    }
}
