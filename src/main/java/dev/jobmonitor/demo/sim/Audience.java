package dev.jobmonitor.demo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An audience (a "strategy"). Its calendar fields change when a job saves ideas; the rest is
 * fixed. Thread-safe.
 */
public final class Audience {
    private final String id;
    private final String userId;
    private final AudienceProfile profile;
    private final int priority;
    private final Instant createdAt;
    private final Instant subscribedAt;
    private ArrayNode contentIdeas;
    private Instant calendarGeneratedAt;
    private ArrayNode trendingTopics;
    private Instant updatedAt;

    public Audience(String id, String userId, AudienceProfile profile, int priority, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.profile = profile;
        this.priority = priority;
        this.createdAt = createdAt;
        this.subscribedAt = createdAt.plusSeconds(42);
        this.updatedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public AudienceProfile profile() {
        return profile;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant subscribedAt() {
        return subscribedAt;
    }

    /** Returns whether the calendar is ready: ideas saved or a generation time set. */
    public synchronized boolean hasCalendar() {
        return contentIdeas != null && !contentIdeas.isEmpty() || calendarGeneratedAt != null;
    }

    /** Stores a generated calendar, replacing any earlier one. */
    public synchronized void saveCalendar(ArrayNode ideas, ArrayNode trending, Instant now) {
        contentIdeas = (ArrayNode) Json.jsonbOrdered(ideas);
        trendingTopics = trending == null ? null : (ArrayNode) Json.jsonbOrdered(trending);
        calendarGeneratedAt = now;
        updatedAt = now;
    }

    /** Builds an item of {@code GET /audiences}; the list never names a job. */
    public synchronized ObjectNode toListJson() {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.set("target_segment", targetSegment());
        putProblemFields(json);
        json.putArray("seo_keywords");
        json.set("content_ideas", hasIdeas() ? contentIdeas.deepCopy() : Json.array());
        json.put("priority", priority);
        json.put("pitch", profile.pitch());
        json.putNull("image_url");
        json.put("topics_count", 0);
        json.put("keywords_count", 0);
        json.put("content_calendar_generated_at", Json.timestamp(calendarGeneratedAt));
        json.put("has_content_calendar", hasIdeas());
        json.set("content_calendar_trending_topics", copyOrNull(trendingTopics));
        json.put("created_at", Json.timestamp(createdAt));
        json.put("posts_recommended", 8);
        json.put("posts_maximum", 40);
        return json;
    }

    /**
     * Builds the {@code audience} of {@code GET /audiences/:id}.
     *
     * @param calendarJobId the in-progress job to expose, or null to leave the key out
     */
    public synchronized ObjectNode toDetailJson(String calendarJobId) {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.set("target_segment", targetSegment());
        putProblemFields(json);
        json.put("priority", priority);
        json.put("pitch", profile.pitch());
        json.set("content_ideas", hasIdeas() ? contentIdeas.deepCopy() : Json.nullNode());
        json.put("content_calendar_generated_at",
                Json.timestamp(hasIdeas() ? calendarGeneratedAt : null));
        json.set("content_calendar_trending_topics", copyOrNull(trendingTopics));
        if (calendarJobId != null) {
            json.put("content_calendar_job_id", calendarJobId);
        }
        json.put("created_at", Json.timestamp(createdAt));
        json.put("updated_at", Json.timestamp(updatedAt));
        json.putArray("topics");
        json.putArray("keywords");
        return json;
    }

    /** Builds an item of {@code GET /strategies/content-calendar}, in camelCase. */
    public synchronized ObjectNode toStrategyJson() {
        ObjectNode json = Json.object();
        json.put("strategyId", id);
        json.set("targetSegment", targetSegment());
        json.put("customerProblem", profile.customerProblem());
        json.set("contentIdeas", hasIdeas() ? contentIdeas.deepCopy() : Json.array());
        json.put("contentCalendarGeneratedAt", Json.timestamp(hasIdeas() ? calendarGeneratedAt : null));
        json.set("trendingTopicsUsed",
                trendingTopics == null ? Json.array() : trendingTopics.deepCopy());
        json.put("subscribedAt", Json.timestamp(subscribedAt));
        return json;
    }

    private boolean hasIdeas() {
        return contentIdeas != null && !contentIdeas.isEmpty();
    }

    private void putProblemFields(ObjectNode json) {
        json.put("customer_problem", profile.customerProblem());
        profile.customerLanguage().forEach(json.putArray("customer_language")::add);
        json.put("conversion_path", profile.conversionPath());
        ObjectNode value = Json.object();
        value.put("priority", priority);
        value.put("competition", profile.competition());
        value.put("searchVolume", profile.searchVolume());
        value.put("conversionPotential", profile.conversionPotential());
        json.set("business_value", Json.jsonbOrdered(value));
    }

    private JsonNode targetSegment() {
        ObjectNode segment = Json.object();
        segment.put("demographics", profile.demographics());
        segment.put("psychographics", profile.psychographics());
        segment.put("searchBehavior", profile.searchBehavior());
        return Json.jsonbOrdered(segment);
    }

    private static JsonNode copyOrNull(ArrayNode node) {
        return node == null ? Json.nullNode() : node.deepCopy();
    }
}
