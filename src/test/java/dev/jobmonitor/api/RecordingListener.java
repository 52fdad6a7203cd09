package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Records stream callbacks on a queue, in order, for a test to take one by one. Activity is
 * counted apart, because how many reads a body takes depends on TCP timing.
 */
final class RecordingListener implements JobStreamListener {
    static final long TIMEOUT_SECONDS = 5;

    record Opened(JobStream stream) {
    }

    record Received(JobStream stream, JobEvent event) {
    }

    record Closed(JobStream stream) {
    }

    record Failed(JobStream stream, ApiException error) {
    }

    private final BlockingQueue<Object> callbacks = new LinkedBlockingQueue<>();
    private final Semaphore activity = new Semaphore(0);

    @Override
    public void onOpen(JobStream stream) {
        callbacks.add(new Opened(stream));
    }

    @Override
    public void onEvent(JobStream stream, JobEvent event) {
        callbacks.add(new Received(stream, event));
    }

    @Override
    public void onActivity(JobStream stream) {
        activity.release();
    }

    @Override
    public void onClosed(JobStream stream) {
        callbacks.add(new Closed(stream));
    }

    @Override
    public void onFailure(JobStream stream, ApiException error) {
        callbacks.add(new Failed(stream, error));
    }

    JobStream takeOpen() {
        return take(Opened.class).stream();
    }

    JobEvent takeEvent() {
        return take(Received.class).event();
    }

    <T extends JobEvent> T takeEvent(Class<T> type) {
        return assertInstanceOf(type, takeEvent());
    }

    void takeClosed() {
        take(Closed.class);
    }

    ApiException takeFailure() {
        return take(Failed.class).error();
    }

    /** Takes the next callback of any kind, and fails when none arrives in time. */
    Object takeAny() {
        try {
            Object next = callbacks.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(next, "no stream callback within " + TIMEOUT_SECONDS + " s");
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a stream callback", e);
        }
    }

    /** Waits for {@code count} more onActivity calls. */
    void awaitActivity(int count) throws InterruptedException {
        assertTrue(activity.tryAcquire(count, TIMEOUT_SECONDS, TimeUnit.SECONDS),
                "expected " + count + " onActivity calls within " + TIMEOUT_SECONDS + " s");
    }

    void assertNoMoreCallbacks() {
        assertEquals(null, callbacks.peek(), "unconsumed stream callback");
    }

    private <T> T take(Class<T> type) {
        return assertInstanceOf(type, takeAny());
    }
}
