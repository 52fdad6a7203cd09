package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.JobRoute;
import dev.jobmonitor.demo.http.HttpResponse;
import dev.jobmonitor.demo.sim.Job;
import dev.jobmonitor.demo.sim.Json;
import dev.jobmonitor.demo.sim.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** {@code /api/v1/jobs/*} except the stream: status, retry, cancel and the router check. */
final class JobRoutes {
    private static final String AUTH_OR_SESSION_REQUIRED =
            "Authentication or session ID (x-session-id) is required";

    private final ApiContext context;

    JobRoutes(ApiContext context) {
        this.context = context;
    }

    void describe(Call call) throws IOException {
        ObjectNode json = Json.object();
        json.put("ok", true);
        json.put("message", "Jobs API is available");
        ArrayNode endpoints = json.putArray("endpoints");
        endpoints.add("GET /api/v1/jobs/:jobId/status");
        endpoints.add("GET /api/v1/jobs/:jobId/stream");
        endpoints.add("POST /api/v1/jobs/:jobId/retry");
        endpoints.add("POST /api/v1/jobs/:jobId/cancel");
        call.respond(200, json);
    }

    void status(Call call) throws IOException {
        Optional<Job> job = findJob(call, 1, JobRoute.STATUS);
        if (job.isPresent()) {
            call.respond(200, job.get().toStatusJson());
        }
    }

    void retry(Call call) throws IOException {
        Optional<Job> job = findJob(call, 1, JobRoute.RETRY);
        if (job.isEmpty()) {
            return;
        }
        if (!context.simulator.retry(job.get())) {
            call.respond(400, Call.failure("Bad request", "Job is not in failed state"));
            return;
        }
        ObjectNode json = Json.object();
        json.put("jobId", job.get().id());
        call.respond(200, json);
    }

    void cancel(Call call) throws IOException {
        Optional<Job> job = findJob(call, 1, JobRoute.CANCEL);
        if (job.isEmpty()) {
            return;
        }
        if (!context.simulator.cancel(job.get())) {
            call.respond(400, Call.failure("Bad request", "Job is not cancellable"));
            return;
        }
        ObjectNode json = Json.object();
        json.put("cancelled", true);
        call.respond(200, json);
    }

    /**
     * Resolves the job of the request for its user, or sends the error response (401, 500 for a
     * non-UUID id, 404) and returns empty. Tries the lookup {@code attempts} times with growing
     * pauses before the 404, as the real stream route does for jobs created a moment ago. A job
     * that a not-found fault hides counts as missing, and an HTTP fault on the route replaces
     * the response once the job is found.
     */
    Optional<Job> findJob(Call call, int attempts, JobRoute route) throws IOException {
        Optional<User> user = context.authenticator.forJobs(call.request());
        if (user.isEmpty() && !hasSession(call)) {
            call.respond(401, Call.failure("Unauthorized", AUTH_OR_SESSION_REQUIRED));
            return Optional.empty();
        }
        String id = call.parameter("id");
        if (!Routes.isUuid(id)) {
            call.respond(500, Call.failure("Failed to process request",
                    Routes.invalidUuidMessage(id)));
            return Optional.empty();
        }
        String jobId = id.toLowerCase(Locale.ROOT);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            // content_calendar jobs belong to a user, never to a session.
            Optional<Job> job = user.flatMap(found -> context.world.job(jobId)
                    .filter(candidate -> candidate.owner().id().equals(found.id()))
                    .filter(candidate -> !context.faults.hidesJob(jobId, candidate.createdAt())));
            if (job.isPresent()) {
                return withoutHttpFault(call, job.get(), route);
            }
            if (attempt < attempts && !pauseBeforeRetry(attempt)) {
                break;
            }
        }
        call.respond(404, Call.failure("Not found", "Job not found or access denied"));
        return Optional.empty();
    }

    /** Sends an injected error and returns empty when the route has an HTTP fault for the job. */
    private Optional<Job> withoutHttpFault(Call call, Job job, JobRoute route) throws IOException {
        int status = context.faults.httpFaultStatus(job.id(), route);
        if (status == 0) {
            return Optional.of(job);
        }
        call.respond(injectedError(status));
        return Optional.empty();
    }

    /**
     * Builds an injected error: JSON in the job routes' shape for 500 and 503, which the app
     * sends, and plain text for 502 and 504, which a proxy in front of it sends.
     */
    private static HttpResponse injectedError(int status) {
        return switch (status) {
            case 500 -> HttpResponse.json(500, Json.write(Call.failure("Failed to process request",
                    "Connection terminated due to connection timeout")));
            case 503 -> HttpResponse.json(503, Json.write(Call.failure("Service unavailable",
                    "Service temporarily unavailable")));
            default -> new HttpResponse(status, HttpResponse.reasonPhrase(status)
                    .getBytes(StandardCharsets.UTF_8))
                    .header("Content-Type", "text/plain; charset=utf-8");
        };
    }

    /** Waits 80 ms times the attempt number, scaled; returns false when interrupted. */
    private boolean pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(context.config.scale(Duration.ofMillis(80L * attempt)).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean hasSession(Call call) {
        String header = call.request().header("x-session-id");
        String query = call.request().queryParameter("sessionId");
        return header != null && !header.isEmpty() || query != null && !query.isEmpty();
    }
}
