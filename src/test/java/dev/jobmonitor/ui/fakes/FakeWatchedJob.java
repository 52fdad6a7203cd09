package dev.jobmonitor.ui.fakes;

import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.SnapshotListener;
import dev.jobmonitor.watch.WatchedJob;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A watched job whose snapshots a test publishes. Like the real watcher, it calls listeners on
 * a background thread, the session's scheduler.
 */
public final class FakeWatchedJob implements WatchedJob {
    private final String jobId;
    private final Executor scheduler;
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger retryCount = new AtomicInteger();
    private final AtomicInteger cancelCount = new AtomicInteger();
    private volatile JobSnapshot current;

    FakeWatchedJob(String jobId, Executor scheduler) {
        this.jobId = jobId;
        this.scheduler = scheduler;
        this.current = JobSnapshot.initial(jobId, 1);
    }

    /** Publishes {@code snapshot} to the listeners on the scheduler thread. */
    public void publish(JobSnapshot snapshot) {
        scheduler.execute(() -> {
            current = snapshot;
            listeners.forEach(listener -> listener.onSnapshot(snapshot));
        });
    }

    public int retryCount() {
        return retryCount.get();
    }

    public int cancelCount() {
        return cancelCount.get();
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public JobSnapshot snapshot() {
        return current;
    }

    @Override
    public void addListener(SnapshotListener listener) {
        scheduler.execute(() -> {
            listeners.add(listener);
            listener.onSnapshot(current);
        });
    }

    @Override
    public void removeListener(SnapshotListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void retry() {
        retryCount.incrementAndGet();
    }

    @Override
    public void cancel() {
        cancelCount.incrementAndGet();
    }
}
