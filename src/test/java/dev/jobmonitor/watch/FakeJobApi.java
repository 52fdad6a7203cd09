package dev.jobmonitor.watch;

import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.api.JobApi;
import dev.jobmonitor.api.JobEvent;
import dev.jobmonitor.api.JobStream;
import dev.jobmonitor.api.JobStreamListener;
import dev.jobmonitor.api.NetworkException;
import java.io.IOException;
import dev.jobmonitor.api.model.JobStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A scripted {@link JobApi}: tests queue status answers and drive each opened stream by hand.
 * Every call is counted, so tests can assert how many requests a watcher made.
 */
final class FakeJobApi implements JobApi {
    final List<FakeStream> streams = new ArrayList<>();
    final Deque<Object> statusAnswers = new ArrayDeque<>();
    final List<CompletableFuture<JobStatus>> pendingStatus = new ArrayList<>();
    int statusCalls;
    int retryCalls;
    int cancelCalls;
    ApiException retryFailure;
    private boolean refuseStreams;

    /** Queues the answer to the next status call: a {@link JobStatus} or an {@link ApiException}. */
    FakeJobApi answerStatus(Object answer) {
        statusAnswers.add(answer);
        return this;
    }

    /** Makes every stream opened from now on fail at once, as against a server that is down. */
    void reconnectsRefused() {
        refuseStreams = true;
    }

    int requestCount() {
        return statusCalls + retryCalls + cancelCalls + streams.size();
    }

    FakeStream lastStream() {
        return streams.get(streams.size() - 1);
    }

    @Override
    public CompletableFuture<JobStatus> status(String jobId) {
        statusCalls++;
        Object answer = statusAnswers.poll();
        if (answer instanceof JobStatus) {
            return CompletableFuture.completedFuture((JobStatus) answer);
        }
        if (answer instanceof ApiException) {
            return CompletableFuture.failedFuture((ApiException) answer);
        }
        CompletableFuture<JobStatus> pending = new CompletableFuture<>();
        pendingStatus.add(pending);
        return pending;
    }

    @Override
    public CompletableFuture<Void> retry(String jobId) {
        retryCalls++;
        return retryFailure == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(retryFailure);
    }

    @Override
    public CompletableFuture<Void> cancel(String jobId) {
        cancelCalls++;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public JobStream openStream(String jobId, JobStreamListener listener) {
        FakeStream stream = new FakeStream(jobId, listener);
        streams.add(stream);
        if (refuseStreams) {
            stream.fail(new NetworkException("connection refused", new IOException("refused")));
        }
        return stream;
    }

    /** One opened stream; the test plays the server's side through it. */
    static final class FakeStream implements JobStream {
        private final String jobId;
        private final JobStreamListener listener;
        boolean cancelled;

        FakeStream(String jobId, JobStreamListener listener) {
            this.jobId = jobId;
            this.listener = listener;
        }

        @Override
        public String jobId() {
            return jobId;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        FakeStream open() {
            listener.onOpen(this);
            return this;
        }

        FakeStream send(JobEvent event) {
            listener.onEvent(this, event);
            return this;
        }

        FakeStream keepalive() {
            listener.onActivity(this);
            return this;
        }

        void close() {
            listener.onClosed(this);
        }

        void fail(ApiException error) {
            listener.onFailure(this, error);
        }
    }
}
