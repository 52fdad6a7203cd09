package dev.jobmonitor.demo.api;

import dev.jobmonitor.demo.JobRoute;
import dev.jobmonitor.demo.http.ChunkedBody;
import dev.jobmonitor.demo.sim.Job;
import dev.jobmonitor.demo.stream.SseWriter;
import dev.jobmonitor.demo.stream.StreamFaults;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/jobs/:id/stream}: errors before the stream are JSON, then the SSE stream
 * runs on the connection's thread until the client leaves or the server closes.
 */
final class JobStreamRoute {
    /** Lookup attempts before a 404; the real route retries for jobs created a moment ago. */
    private static final int LOOKUP_ATTEMPTS = 4;
    private static final List<Map.Entry<String, String>> SSE_HEADERS = List.of(
            Map.entry("Content-Type", "text/event-stream"),
            Map.entry("Cache-Control", "no-cache, no-transform"),
            Map.entry("Connection", "keep-alive"),
            Map.entry("X-Accel-Buffering", "no"));

    private final ApiContext context;
    private final JobRoutes jobs;

    JobStreamRoute(ApiContext context, JobRoutes jobs) {
        this.context = context;
        this.jobs = jobs;
    }

    void open(Call call) throws IOException {
        Optional<Job> job = jobs.findJob(call, LOOKUP_ATTEMPTS, JobRoute.STREAM);
        if (job.isEmpty()) {
            return;
        }
        StreamFaults faults = context.faults.faultsForNewStream(job.get().id());
        ChunkedBody body = call.exchange().startChunked(200, SSE_HEADERS);
        SseWriter writer = new SseWriter(body, call.exchange().connection(), faults);
        new StreamSession(context, job.get(), writer, call.exchange().connection()).run();
    }
}
