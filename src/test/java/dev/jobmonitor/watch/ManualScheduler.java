package dev.jobmonitor.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/** A {@link TaskScheduler} whose clock moves only when a test advances it. */
final class ManualScheduler implements TaskScheduler {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now = Instant.parse("2026-12-04T12:00:00Z");
    private long sequence;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable runnable) {
        Task task = new Task(now.plus(delay), sequence++, runnable);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    @Override
    public void execute(Runnable runnable) {
        schedule(Duration.ZERO, runnable);
    }

    /** Runs every task that is due now, including tasks those tasks submit for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward, running each task at its due time in order. */
    void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            Task next;
            synchronized (this) {
                Task head = tasks.peek();
                if (head == null || head.due.isAfter(target)) {
                    now = target;
                    return;
                }
                next = tasks.poll();
                now = next.due;
            }
            if (!next.cancelled) {
                next.runnable.run();
            }
        }
    }

    private static final class Task implements Comparable<Task> {
        final Instant due;
        final long order;
        final Runnable runnable;
        volatile boolean cancelled;

        Task(Instant due, long order, Runnable runnable) {
            this.due = due;
            this.order = order;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Task other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
