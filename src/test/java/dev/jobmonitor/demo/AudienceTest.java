package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AudienceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private DemoBackend backend;
    private ApiClient api;
    private String token;

    @BeforeEach
    void startBackend() throws IOException {
        backend = DemoBackend.start(DemoConfig.builder()
                .timeFactor(0.01)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(50))
                .jobDuration(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .build());
        api = new ApiClient(backend.baseUrl());
        token = api.loginDemo();
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void listHasSnakeCaseItemsWithoutJobId() throws IOException {
        ApiClient.JsonResponse response = api.get("/api/v1/audiences", token);

        assertEquals(200, response.status());
        JsonNode json = response.json();
        assertEquals(List.of("success", "audiences", "total"), AuthTest.fieldNames(json));
        assertEquals(8, json.get("total").asInt());
        JsonNode first = json.at("/audiences/0");
        assertEquals(List.of("id", "target_segment", "customer_problem", "customer_language", "conversion_path",
                "business_value", "seo_keywords", "content_ideas", "priority", "pitch", "image_url", "topics_count",
                "keywords_count", "content_calendar_generated_at", "has_content_calendar",
                "content_calendar_trending_topics", "created_at", "posts_recommended", "posts_maximum"),
                AuthTest.fieldNames(first));
        assertEquals(List.of("demographics", "psychographics", "searchBehavior"),
                AuthTest.fieldNames(first.get("target_segment")));
        for (JsonNode audience : json.get("audiences")) {
            assertFalse(audience.has("content_calendar_job_id"));
            assertTrue(audience.get("content_ideas").isArray());
        }
    }

    @Test
    void listHonoursLimitAndOffset() throws IOException {
        JsonNode all = api.get("/api/v1/audiences", token).json();

        JsonNode page = api.get("/api/v1/audiences?limit=3&offset=2", token).json();

        assertEquals(3, page.get("total").asInt());
        assertEquals(all.at("/audiences/2/id"), page.at("/audiences/0/id"));
    }

    @Test
    void detailWithCalendarHasThirtyIdeas() throws IOException {
        String id = backend.createAudience(DemoBackend.DEMO_EMAIL, true);

        JsonNode audience = api.get("/api/v1/audiences/" + id, token).json().get("audience");

        assertEquals(List.of("id", "target_segment", "customer_problem", "customer_language", "conversion_path",
                "business_value", "priority", "pitch", "content_ideas", "content_calendar_generated_at",
                "content_calendar_trending_topics", "created_at", "updated_at", "topics", "keywords"),
                AuthTest.fieldNames(audience));
        assertEquals(30, audience.get("content_ideas").size());
        assertEquals(List.of("title", "format", "keywords", "dayNumber", "searchIntent"),
                AuthTest.fieldNames(audience.at("/content_ideas/0")));
        assertEquals(30, audience.at("/content_ideas/29/dayNumber").asInt());
        assertFalse(audience.get("content_calendar_generated_at").isNull());
    }

    @Test
    void detailShowsJobIdOnlyWhileJobIsActive() throws IOException {
        String id = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        JsonNode before = api.get("/api/v1/audiences/" + id, token).json().get("audience");
        String jobId = backend.createJob(List.of(id), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        JsonNode during = api.get("/api/v1/audiences/" + id, token).json().get("audience");
        Conditions.await("job finished", WAIT, () -> backend.job(jobId).orElseThrow().isFinished());
        JsonNode after = api.get("/api/v1/audiences/" + id, token).json().get("audience");

        assertFalse(before.has("content_calendar_job_id"));
        assertTrue(before.get("content_ideas").isNull());
        assertEquals(jobId, during.get("content_calendar_job_id").asText());
        assertFalse(after.has("content_calendar_job_id"));
        assertEquals(30, after.get("content_ideas").size());
    }

    @Test
    void detailShowsNewestBundleJobContainingAudience() throws IOException {
        String first = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        String second = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        backend.createJob(List.of(first), JobOutcome.SUCCESS, ProgressProfile.CURRENT);
        String bundle = backend.createJob(List.of(second, first), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        JsonNode audience = api.get("/api/v1/audiences/" + first, token).json().get("audience");

        assertEquals(bundle, audience.get("content_calendar_job_id").asText());
    }

    @Test
    void detailHidesJobForAudienceWithCalendar() throws IOException {
        String id = backend.createAudience(DemoBackend.DEMO_EMAIL, true);
        backend.createJob(List.of(id), JobOutcome.SUCCESS, ProgressProfile.CURRENT);

        JsonNode audience = api.get("/api/v1/audiences/" + id, token).json().get("audience");

        assertFalse(audience.has("content_calendar_job_id"));
    }

    @Test
    void detailRejectsUnknownOtherAndMalformedIds() throws IOException {
        String othersAudience = backend.audienceIds(DemoBackend.OTHER_EMAIL).get(0);

        ApiClient.JsonResponse other = api.get("/api/v1/audiences/" + othersAudience, token);
        ApiClient.JsonResponse unknown = api.get("/api/v1/audiences/6f1d3c1e-2b4a-4e8f-9c7d-0a1b2c3d4e5f", token);
        ApiClient.JsonResponse malformed = api.get("/api/v1/audiences/abc", token);

        assertEquals(404, other.status());
        assertEquals("Audience not found", other.json().get("error").asText());
        assertEquals(404, unknown.status());
        assertEquals(500, malformed.status());
    }

    @Test
    void requestCalendarCreatesThenReusesJob() throws IOException {
        String id = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        String path = "/api/v1/audiences/" + id + "/request-content-calendar";

        ApiClient.JsonResponse created = api.post(path, token, "");
        ApiClient.JsonResponse again = api.post(path, token, "");

        assertEquals(201, created.status(), created.text());
        assertEquals(List.of("success", "jobId"), AuthTest.fieldNames(created.json()));
        assertEquals(200, again.status());
        assertEquals("{\"success\":true,\"jobId\":\"" + created.json().get("jobId").asText()
                + "\",\"message\":\"Content calendar job already in progress\"}", again.text());
        assertEquals("queued", backend.job(created.json().get("jobId").asText()).orElseThrow().status());
    }

    @Test
    void requestCalendarAfterJobEndsCreatesNewJob() throws IOException {
        String id = backend.createAudience(DemoBackend.DEMO_EMAIL, true);
        String path = "/api/v1/audiences/" + id + "/request-content-calendar";
        String first = api.post(path, token, "").json().get("jobId").asText();
        Conditions.await("job finished", WAIT, () -> backend.job(first).orElseThrow().isFinished());

        ApiClient.JsonResponse regenerate = api.post(path, token, "");

        assertEquals(201, regenerate.status());
    }

    @Test
    void requestCalendarRejectsAnonymousAndForeignAudience() throws IOException {
        String othersAudience = backend.audienceIds(DemoBackend.OTHER_EMAIL).get(0);

        ApiClient.JsonResponse anonymous = api.post("/api/v1/audiences/" + othersAudience
                + "/request-content-calendar", null, "");
        ApiClient.JsonResponse foreign = api.post("/api/v1/audiences/" + othersAudience
                + "/request-content-calendar", token, "");

        assertEquals(401, anonymous.status());
        assertEquals(404, foreign.status());
    }

    @Test
    void sessionWithoutUserSeesNoAudiences() throws IOException {
        ApiClient.JsonResponse response = api.execute(new Request.Builder()
                .url(backend.baseUrl() + "/api/v1/audiences")
                .header("x-session-id", "b1c2d3e4-0000-4000-8000-000000000001")
                .build());

        assertEquals(200, response.status());
        assertEquals("{\"success\":true,\"audiences\":[],\"total\":0}", response.text());
    }

    @Test
    void contentCalendarStrategiesAreCamelCase() throws IOException {
        ApiClient.JsonResponse response = api.get("/api/v1/strategies/content-calendar", token);

        assertEquals(200, response.status());
        JsonNode json = response.json();
        assertEquals(List.of("success", "strategies", "totalStrategies"), AuthTest.fieldNames(json));
        assertEquals(8, json.get("totalStrategies").asInt());
        JsonNode withCalendar = null;
        for (JsonNode strategy : json.get("strategies")) {
            assertEquals(List.of("strategyId", "targetSegment", "customerProblem", "contentIdeas",
                    "contentCalendarGeneratedAt", "trendingTopicsUsed", "subscribedAt"), AuthTest.fieldNames(strategy));
            assertTrue(strategy.get("trendingTopicsUsed").isArray());
            if (strategy.get("contentIdeas").size() > 0) {
                withCalendar = strategy;
            }
        }
        assertEquals(30, withCalendar.get("contentIdeas").size());
        assertEquals(List.of("title", "format", "keywords", "dayNumber", "searchIntent"),
                AuthTest.fieldNames(withCalendar.at("/contentIdeas/0")));
    }

    @Test
    void contentCalendarNeedsToken() throws IOException {
        ApiClient.JsonResponse missing = api.get("/api/v1/strategies/content-calendar", null);
        ApiClient.JsonResponse query = api.get("/api/v1/strategies/content-calendar?token=" + token, null);

        assertEquals(401, missing.status());
        assertEquals("Access denied", missing.json().get("error").asText());
        assertEquals(200, query.status());
    }
}
