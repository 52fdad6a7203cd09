package dev.jobmonitor.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link TaskScheduler} on one named daemon thread, with an injectable clock. */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ExecutorTaskScheduler.class);

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    public ExecutorTaskScheduler(String name, Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> future = executor.schedule(guarded(task), nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(guarded(task));
        }
    }

    /** Drops pending tasks and stops the thread; tasks submitted later are ignored. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOGGER.error("Scheduled task failed", e);
            }
        };
    }
}
