package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An audience (the backend also calls it a strategy) from {@code GET /audiences} or
 * {@code GET /audiences/:id}. The list returns {@code content_ideas} as [] and never a job id;
 * the detail returns null ideas when empty and {@code content_calendar_job_id} only while a
 * queued or running calendar job for it is under 30 minutes old.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Audience(
        String id,
        @JsonProperty("target_segment") TargetSegment targetSegment,
        @JsonProperty("customer_problem") String customerProblem,
        @JsonProperty("content_ideas") List<ContentIdea> contentIdeas,
        @JsonProperty("content_calendar_generated_at") String contentCalendarGeneratedAt,
        @JsonProperty("has_content_calendar") Boolean hasContentCalendar,
        @JsonProperty("content_calendar_job_id") String contentCalendarJobId,
        @JsonProperty("created_at") String createdAt) {

    public Audience {
        contentIdeas = contentIdeas == null ? List.of() : List.copyOf(contentIdeas);
    }

    /** Name shown for the audience: the target segment's demographics, else the problem, else the id. */
    public String displayName() {
        if (targetSegment != null && notBlank(targetSegment.demographics())) {
            return targetSegment.demographics();
        }
        return notBlank(customerProblem) ? customerProblem : id;
    }

    /** True when the audience has calendar ideas or a generation date. */
    public boolean hasCalendar() {
        return !contentIdeas.isEmpty() || contentCalendarGeneratedAt != null
                || Boolean.TRUE.equals(hasContentCalendar);
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
