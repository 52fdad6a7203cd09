package dev.jobmonitor.demo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.JobSnapshot;
import dev.jobmonitor.demo.ProgressProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A content_calendar job: its database row and the streams subscribed to it.
 *
 * <p>Thread-safe. A row change and the events it publishes happen under the job's lock, and a
 * new subscriber gets its snapshot under the same lock, so a stream receives every change exactly
 * once: in its snapshot or as a live event. Subscribers are called under that lock and must
 * not block. The lock is the job's monitor, so a check-then-act step may hold it with
 * {@code synchronized (job)}.
 */
public final class Job {
    private final String id;
    private final User owner;
    private final List<String> strategyIds;
    private final ProgressProfile profile;
    private final JobOutcome firstOutcome;
    private final Instant createdAt;
    private final Clock clock;
    private final List<Consumer<JobEvent>> subscribers = new ArrayList<>();
    private final Row row = new Row();

    /** The mutable columns of the job row. Only touched under the job's lock. */
    public static final class Row {
        public JobStatus status = JobStatus.QUEUED;
        public int progress;
        public String currentStep;
        public Integer estimatedTimeRemaining;
        public String error;
        public String errorCode;
        public JsonNode result;
        public Instant updatedAt;
        public boolean cancelRequested;
        public int attempt = 1;

        Row copy() {
            Row copy = new Row();
            copy.status = status;
            copy.progress = progress;
            copy.currentStep = currentStep;
            copy.estimatedTimeRemaining = estimatedTimeRemaining;
            copy.error = error;
            copy.errorCode = errorCode;
            copy.result = result == null ? null : result.deepCopy();
            copy.updatedAt = updatedAt;
            copy.cancelRequested = cancelRequested;
            copy.attempt = attempt;
            return copy;
        }
    }

    public Job(String id, User owner, List<String> strategyIds, ProgressProfile profile,
            JobOutcome firstOutcome, Instant createdAt, Clock clock) {
        this.id = id;
        this.owner = owner;
        this.strategyIds = List.copyOf(strategyIds);
        this.profile = profile;
        this.firstOutcome = firstOutcome;
        this.createdAt = createdAt;
        this.clock = clock;
        row.updatedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public User owner() {
        return owner;
    }

    public List<String> strategyIds() {
        return strategyIds;
    }

    public ProgressProfile profile() {
        return profile;
    }

    public JobOutcome firstOutcome() {
        return firstOutcome;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Returns a copy of the row. */
    public synchronized Row row() {
        return row.copy();
    }

    /**
     * Applies a change to the row, stamps {@code updatedAt}, then publishes the events in order.
     * Runs under the job's lock; the change must not block.
     */
    public synchronized void change(Consumer<Row> mutation, JobEvent... events) {
        mutation.accept(row);
        row.updatedAt = clock.instant();
        for (JobEvent event : events) {
            for (Consumer<JobEvent> subscriber : List.copyOf(subscribers)) {
                subscriber.accept(event);
            }
        }
    }

    /** Registers a subscriber and returns the row as it is at that moment. */
    public synchronized Row subscribe(Consumer<JobEvent> subscriber) {
        subscribers.add(subscriber);
        return row.copy();
    }

    public synchronized void unsubscribe(Consumer<JobEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    public synchronized int subscriberCount() {
        return subscribers.size();
    }

    /** Builds the body of {@code GET /jobs/:id/status}. */
    public synchronized ObjectNode toStatusJson() {
        ObjectNode json = Json.object();
        json.put("jobId", id);
        json.put("status", row.status.wireName());
        json.put("progress", row.progress);
        json.put("currentStep", row.currentStep);
        json.put("estimatedTimeRemaining", row.estimatedTimeRemaining);
        json.put("error", row.error);
        json.put("errorCode", row.errorCode);
        json.set("result", row.result == null ? Json.nullNode() : row.result.deepCopy());
        json.put("createdAt", Json.timestamp(createdAt));
        json.put("updatedAt", Json.timestamp(row.updatedAt));
        return json;
    }

    public synchronized JobSnapshot snapshot() {
        String resultJson = row.result == null ? null : Json.write(row.result);
        return new JobSnapshot(id, owner.email(), strategyIds, profile, row.status.wireName(),
                row.progress, row.currentStep, row.estimatedTimeRemaining, row.error, row.errorCode,
                resultJson, createdAt, row.updatedAt, row.attempt, row.cancelRequested);
    }
}
