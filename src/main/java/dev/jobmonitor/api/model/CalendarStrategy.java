package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One entry of {@code GET /strategies/content-calendar}; this route uses camelCase keys. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CalendarStrategy(String strategyId, TargetSegment targetSegment,
                               String customerProblem, List<ContentIdea> contentIdeas,
                               String contentCalendarGeneratedAt) {
    public CalendarStrategy {
        contentIdeas = contentIdeas == null ? List.of() : List.copyOf(contentIdeas);
    }
}
