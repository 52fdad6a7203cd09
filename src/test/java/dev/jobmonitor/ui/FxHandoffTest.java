package dev.jobmonitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FxHandoffTest {
    private final QueuedExecutor fx = new QueuedExecutor();
    private final FxHandoff handoff = new FxHandoff(fx);

    @Test
    void burstCostsOneUpdatePerSlot() {
        // given
        List<Integer> jobA = new ArrayList<>();
        List<Integer> jobB = new ArrayList<>();
        FxHandoff.Slot<Integer> slotA = handoff.newSlot(jobA::add);
        FxHandoff.Slot<Integer> slotB = handoff.newSlot(jobB::add);

        // when
        for (int i = 1; i <= 1000; i++) {
            slotA.offer(i);
            slotB.offer(-i);
        }
        fx.runAll();

        // then
        assertEquals(List.of(1000), jobA);
        assertEquals(List.of(-1000), jobB);
        assertEquals(1, fx.executed);
    }

    @Test
    void singleValueIsHandedOverAtOnce() {
        // given
        List<String> received = new ArrayList<>();
        FxHandoff.Slot<String> slot = handoff.newSlot(received::add);

        // when
        slot.offer("only");

        // then
        assertEquals(1, fx.pending.size(), "a task must be submitted without waiting");
        fx.runAll();
        assertEquals(List.of("only"), received);
    }

    @Test
    void atMostOneHandoffIsPending() throws Exception {
        // given
        FxHandoff.Slot<Integer> slot = handoff.newSlot(value -> { });
        ExecutorService writers = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);

        // when
        for (int writer = 0; writer < 4; writer++) {
            writers.execute(() -> {
                awaitQuietly(start);
                for (int i = 0; i < 500; i++) {
                    slot.offer(i);
                    handoff.newSlot(value -> { }).offer(i);
                }
            });
        }
        start.countDown();
        writers.shutdown();
        assertTrue(writers.awaitTermination(10, TimeUnit.SECONDS));

        // then
        assertEquals(1, fx.pending.size());
    }

    @Test
    void valueOfferedAfterDrainGetsNewHandoff() {
        // given
        List<String> received = new ArrayList<>();
        FxHandoff.Slot<String> slot = handoff.newSlot(received::add);
        slot.offer("first");
        fx.runAll();

        // when
        slot.offer("second");

        // then
        assertEquals(1, fx.pending.size());
        fx.runAll();
        assertEquals(List.of("first", "second"), received);
    }

    @Test
    void valueOfferedDuringDrainIsNotLost() {
        // given
        List<String> received = new ArrayList<>();
        FxHandoff.Slot<String> other = handoff.newSlot(received::add);
        FxHandoff.Slot<String> slot = handoff.newSlot(value -> other.offer("from " + value));

        // when
        slot.offer("drain");
        fx.runAll();

        // then
        assertEquals(List.of("from drain"), received);
        assertEquals(2, fx.executed);
    }

    @Test
    void failingConsumerDoesNotBlockOtherSlots() {
        // given
        List<String> received = new ArrayList<>();
        handoff.newSlot(value -> {
            throw new IllegalStateException("broken consumer");
        }).offer("x");
        FxHandoff.Slot<String> healthy = handoff.newSlot(received::add);

        // when
        healthy.offer("y");
        fx.runAll();

        // then
        assertEquals(List.of("y"), received);
    }

    @Test
    void deliverPassesValueAndUnwrappedFailure() {
        // given
        List<Object> received = new ArrayList<>();
        CompletableFuture<String> success = new CompletableFuture<>();
        CompletableFuture<String> failure = new CompletableFuture<>();
        handoff.deliver(success, received::add, received::add);
        handoff.deliver(failure.thenApply(value -> value), received::add, received::add);
        IllegalStateException cause = new IllegalStateException("down");

        // when
        success.complete("ok");
        failure.completeExceptionally(cause);
        fx.runAll();

        // then
        assertEquals("ok", received.get(0));
        assertSame(cause, received.get(1));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands in for Platform.runLater: keeps tasks until the test runs them. */
    private static final class QueuedExecutor implements Executor {
        private final Deque<Runnable> pending = new ArrayDeque<>();
        private int executed;

        @Override
        public synchronized void execute(Runnable task) {
            pending.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = poll()) != null) {
                task.run();
                executed++;
            }
        }

        private synchronized Runnable poll() {
            return pending.poll();
        }
    }
}
