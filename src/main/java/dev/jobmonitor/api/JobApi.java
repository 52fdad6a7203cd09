package dev.jobmonitor.api;

import dev.jobmonitor.api.model.JobStatus;
import java.util.concurrent.CompletableFuture;

/**
 * The job routes a watcher needs, asynchronous so that no caller thread waits on the network.
 * Futures complete on OkHttp threads, exceptionally with an {@link ApiException}.
 */
public interface JobApi {
    /** {@code GET /jobs/:id/status}. */
    CompletableFuture<JobStatus> status(String jobId);

    /** {@code POST /jobs/:id/retry}; only a failed job can be retried. */
    CompletableFuture<Void> retry(String jobId);

    /** {@code POST /jobs/:id/cancel}; only a queued or running job can be cancelled. */
    CompletableFuture<Void> cancel(String jobId);

    /** Opens {@code GET /jobs/:id/stream}; callbacks reach {@code listener} on OkHttp threads. */
    JobStream openStream(String jobId, JobStreamListener listener);
}
