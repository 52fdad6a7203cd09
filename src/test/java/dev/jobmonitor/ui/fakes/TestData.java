package dev.jobmonitor.ui.fakes;

import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ContentIdea;
import dev.jobmonitor.api.model.StrategyResult;
import dev.jobmonitor.api.model.TargetSegment;
import dev.jobmonitor.watch.KnownJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Audiences, ideas and results shared by the UI tests. */
public final class TestData {
    public static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private TestData() {
    }

    public static Audience audience(String id, String name, List<ContentIdea> ideas,
                                    String generatedAt) {
        return new Audience(id, new TargetSegment(name, null, null), null, ideas, generatedAt,
                generatedAt != null, null, "2026-11-01T09:00:00Z");
    }

    /** Ideas for days {@code count} down to 1, so tests can check that rows are sorted. */
    public static List<ContentIdea> ideas(String topic, int count) {
        List<ContentIdea> ideas = new ArrayList<>();
        for (int day = count; day >= 1; day--) {
            ideas.add(new ContentIdea(day, topic + " idea " + day, "informational",
                    day % 2 == 0 ? "how-to-guide" : "listicle", List.of(topic, "day " + day)));
        }
        return ideas;
    }

    public static KnownJob job(String jobId, String... audienceIds) {
        return new KnownJob(jobId, KnownJob.CONTENT_CALENDAR, List.of(audienceIds), T0,
                KnownJob.Source.STARTED);
    }

    public static StrategyResult succeeded(String audienceId, int ideaCount) {
        return new StrategyResult(audienceId, true, ideaCount, null);
    }

    public static StrategyResult failed(String audienceId, String error) {
        return new StrategyResult(audienceId, false, null, error);
    }

    public static CalendarResult result(StrategyResult... strategies) {
        int failed = (int) List.of(strategies).stream().filter(s -> !s.succeeded()).count();
        return new CalendarResult(failed < strategies.length, strategies.length,
                strategies.length - failed, failed, List.of(strategies));
    }
}
