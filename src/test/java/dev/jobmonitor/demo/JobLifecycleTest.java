package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private DemoBackend backend;
    private ApiClient api;
    private String token;

    @BeforeEach
    void startBackend() throws IOException {
        backend = start(DemoConfig.builder().seedData(false).autoJobs(false));
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void statusHasContractFields() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);

        ApiClient.JsonResponse response = api.get("/api/v1/jobs/" + jobId + "/status", token);

        assertEquals(200, response.status());
        assertEquals(List.of("jobId", "status", "progress", "currentStep", "estimatedTimeRemaining", "error",
                "errorCode", "result", "createdAt", "updatedAt"), AuthTest.fieldNames(response.json()));
        assertEquals("queued", response.json().get("status").asText());
        String createdAt = response.json().get("createdAt").asText();
        assertTrue(createdAt.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), createdAt);
    }

    @Test
    void succeededRowClearsStepAndKeepsResult() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        awaitStatus(jobId, "succeeded");

        JsonNode status = api.get("/api/v1/jobs/" + jobId + "/status", token).json();

        assertEquals(100, status.get("progress").asInt());
        assertTrue(status.get("currentStep").isNull());
        assertTrue(status.get("estimatedTimeRemaining").isNull());
        assertTrue(status.at("/result/success").asBoolean());
        assertEquals(List.of("failed", "results", "success", "succeeded", "strategyCount", "trendsFetched",
                "trendsFetchedCount", "trendsKeywordCount"), AuthTest.fieldNames(status.get("result")));
    }

    @Test
    void statusRejectsMalformedUnknownAndForeignIds() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        String otherToken = api.login(DemoBackend.OTHER_EMAIL, DemoBackend.OTHER_PASSWORD);

        ApiClient.JsonResponse malformed = api.get("/api/v1/jobs/abc/status", token);
        ApiClient.JsonResponse unknown = api.get("/api/v1/jobs/0b7c4f7e-1d2a-4c3b-9a8e-5f6d7c8b9a0e/status", token);
        ApiClient.JsonResponse foreign = api.get("/api/v1/jobs/" + jobId + "/status", otherToken);

        assertEquals(500, malformed.status());
        assertEquals("{\"success\":false,\"error\":\"Failed to process request\","
                + "\"message\":\"invalid input syntax for type uuid: \\\"abc\\\"\"}", malformed.text());
        assertEquals(404, unknown.status());
        assertEquals("{\"success\":false,\"error\":\"Not found\",\"message\":\"Job not found or access denied\"}",
                unknown.text());
        assertEquals(404, foreign.status());
    }

    @Test
    void statusAcceptsTokenQueryParameter() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);

        ApiClient.JsonResponse response = api.get("/api/v1/jobs/" + jobId + "/status?token=" + token, null);

        assertEquals(200, response.status());
    }

    @Test
    void cancelQueuedJobFailsAtOnce() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);

        ApiClient.JsonResponse response = api.post("/api/v1/jobs/" + jobId + "/cancel", token, "");

        assertEquals(200, response.status());
        assertEquals("{\"cancelled\":true}", response.text());
        JobSnapshot job = backend.job(jobId).orElseThrow();
        assertEquals("failed", job.status());
        assertEquals("Cancelled", job.error());
        assertNull(job.errorCode());
    }

    @Test
    void cancelRunningJobEndsFailedAfterGeneration() throws IOException {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        String jobId = backend.createJob(List.of(audience), JobOutcome.SUCCESS, ProgressProfile.CURRENT);
        awaitStatus(jobId, "running");

        ApiClient.JsonResponse response = api.post("/api/v1/jobs/" + jobId + "/cancel", token, "");
        JsonNode requested = api.get("/api/v1/jobs/" + jobId + "/status", token).json();
        awaitStatus(jobId, "failed");
        JsonNode status = api.get("/api/v1/jobs/" + jobId + "/status", token).json();
        JsonNode audienceJson = api.get("/api/v1/audiences/" + audience, token).json().get("audience");

        assertEquals(200, response.status());
        assertEquals("running", requested.get("status").asText());
        assertEquals("Cancelled", status.get("error").asText());
        assertTrue(status.get("errorCode").isNull());
        assertEquals(100, status.get("progress").asInt());
        assertEquals("Complete", status.get("currentStep").asText());
        assertTrue(status.get("result").isNull());
        assertEquals(30, audienceJson.get("content_ideas").size(), "generation finishes and saves its calendar");
    }

    @Test
    void cancelFinishedJobGives400() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        awaitStatus(jobId, "succeeded");

        ApiClient.JsonResponse response = api.post("/api/v1/jobs/" + jobId + "/cancel", token, "");

        assertEquals(400, response.status());
        assertEquals("{\"success\":false,\"error\":\"Bad request\",\"message\":\"Job is not cancellable\"}",
                response.text());
    }

    @Test
    void scriptedCancelEndsFailed() throws IOException {
        String jobId = newJob(JobOutcome.CANCELLED);

        awaitStatus(jobId, "failed");

        assertEquals("Cancelled", backend.job(jobId).orElseThrow().error());
    }

    @Test
    void retryRerunsFailedJobWithSameId() throws IOException {
        String jobId = newJob(JobOutcome.JOB_FAILURE);
        awaitStatus(jobId, "failed");
        JobSnapshot failed = backend.job(jobId).orElseThrow();

        ApiClient.JsonResponse response = api.post("/api/v1/jobs/" + jobId + "/retry", token, "");
        JsonNode queued = api.get("/api/v1/jobs/" + jobId + "/status", token).json();
        awaitStatus(jobId, "succeeded");

        assertEquals("Connection terminated unexpectedly", failed.error());
        assertEquals("ECONNRESET", failed.errorCode());
        assertEquals(200, response.status());
        assertEquals("{\"jobId\":\"" + jobId + "\"}", response.text());
        assertEquals("queued", queued.get("status").asText());
        assertEquals(0, queued.get("progress").asInt());
        assertTrue(queued.get("error").isNull());
        assertTrue(queued.get("currentStep").isNull());
        assertEquals("ECONNRESET", queued.get("errorCode").asText(), "retry keeps the old errorCode");
        assertEquals(failed.estimatedTimeRemaining(), queued.get("estimatedTimeRemaining").isNull() ? null
                : queued.get("estimatedTimeRemaining").asInt(), "retry keeps the old ETA");
        assertEquals(2, backend.job(jobId).orElseThrow().attempt());
    }

    @Test
    void retryOfSeededFailedJobWorks() throws IOException {
        backend.close();
        backend = start(DemoConfig.builder().autoJobs(false));
        String failedJob = backend.seedJobIds().get(2);

        ApiClient.JsonResponse response = api.post("/api/v1/jobs/" + failedJob + "/retry", token, "");

        assertEquals(200, response.status());
        awaitStatus(failedJob, "succeeded");
    }

    @Test
    void retryOfNonFailedJobGives400() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);

        ApiClient.JsonResponse response = api.post("/api/v1/jobs/" + jobId + "/retry", token, "");

        assertEquals(400, response.status());
        assertEquals("{\"success\":false,\"error\":\"Bad request\",\"message\":\"Job is not in failed state\"}",
                response.text());
    }

    @Test
    void retryCanStayQueuedForever() throws IOException {
        backend.close();
        backend = start(DemoConfig.builder().seedData(false).autoJobs(false).retryStaysQueued(true));
        String jobId = newJob(JobOutcome.SUCCESS);
        api.post("/api/v1/jobs/" + jobId + "/cancel", token, "");

        assertEquals(200, api.post("/api/v1/jobs/" + jobId + "/retry", token, "").status());
        // A second job runs to its end in the time the retried one would need.
        String witness = newJob(JobOutcome.SUCCESS);
        awaitStatus(witness, "succeeded");

        assertEquals("queued", backend.job(jobId).orElseThrow().status());
    }

    @Test
    void partialFailureSucceedsWithFailedCount() throws IOException {
        List<String> audiences = List.of(backend.createAudience(DemoBackend.DEMO_EMAIL, false),
                backend.createAudience(DemoBackend.DEMO_EMAIL, false));
        String jobId = backend.createJob(audiences, JobOutcome.PARTIAL_FAILURE, ProgressProfile.DOCUMENTED);
        awaitStatus(jobId, "succeeded");

        JsonNode result = api.get("/api/v1/jobs/" + jobId + "/status", token).json().get("result");
        JsonNode failedAudience = api.get("/api/v1/audiences/" + audiences.get(1), token).json().get("audience");

        assertTrue(result.get("success").asBoolean());
        assertEquals(1, result.get("succeeded").asInt());
        assertEquals(1, result.get("failed").asInt());
        assertEquals("Failed to generate content calendar: 500 upstream model timeout",
                result.at("/results/1/error").asText());
        assertFalse(result.at("/results/1/success").asBoolean());
        assertFalse(result.at("/results/1").has("ideaCount"));
        assertTrue(failedAudience.get("content_ideas").isNull());
    }

    @Test
    void allFailedSucceedsWithSuccessFalse() throws IOException {
        String jobId = newJob(JobOutcome.ALL_FAILED);
        awaitStatus(jobId, "succeeded");

        JsonNode result = api.get("/api/v1/jobs/" + jobId + "/status", token).json().get("result");

        assertFalse(result.get("success").asBoolean());
        assertEquals(0, result.get("succeeded").asInt());
    }

    @Test
    void seedStartsRunningJobsAndFailedJob() throws IOException {
        backend.close();
        backend = start(DemoConfig.builder().autoJobs(false));
        List<String> seeds = backend.seedJobIds();

        assertEquals(3, seeds.size());
        assertEquals(3, backend.job(seeds.get(0)).orElseThrow().strategyIds().size());
        assertEquals("failed", backend.job(seeds.get(2)).orElseThrow().status());
        awaitStatus(seeds.get(0), "running");
        awaitStatus(seeds.get(1), "running");
    }

    @Test
    void autoJobsStartNewJobs() throws IOException {
        backend.close();
        backend = start(DemoConfig.builder().autoJobInterval(Duration.ofSeconds(5)));
        int before = backend.audienceIds(DemoBackend.DEMO_EMAIL).size();

        Conditions.await("an automatic job created an audience", WAIT,
                () -> backend.audienceIds(DemoBackend.DEMO_EMAIL).size() > before);
    }

    @Test
    void requestCountsPerRoute() throws IOException {
        String jobId = newJob(JobOutcome.SUCCESS);
        backend.resetRequestCounts();

        api.get("/api/v1/jobs/" + jobId + "/status", token);
        api.get("/api/v1/jobs/" + jobId + "/status", token);
        api.get("/api/v1/unknown", token);

        assertEquals(2, backend.requestCount("GET", "/api/v1/jobs/:id/status"));
        assertEquals(1, backend.requestCount("GET", "(unmatched)"));
        assertEquals(0, backend.requestCount("GET", "/api/v1/jobs/:id/stream"));
    }

    /** Starts a backend where a job waits 0.2 s in the queue and runs 0.3 s. */
    private DemoBackend start(DemoConfig.Builder builder) throws IOException {
        backend = DemoBackend.start(builder
                .timeFactor(0.01)
                .queueDelay(Duration.ofSeconds(20))
                .jobDuration(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .build());
        api = new ApiClient(backend.baseUrl());
        token = api.loginDemo();
        return backend;
    }

    private String newJob(JobOutcome outcome) {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        return backend.createJob(List.of(audience), outcome, ProgressProfile.CURRENT);
    }

    private void awaitStatus(String jobId, String status) {
        Conditions.awaitValue("job " + jobId + " is " + status, WAIT,
                () -> backend.job(jobId).orElseThrow(), job -> job.status().equals(status));
    }
}
