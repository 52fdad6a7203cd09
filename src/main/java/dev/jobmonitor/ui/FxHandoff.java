package dev.jobmonitor.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path from background threads to the JavaFX thread.
 *
 * <p>Values are offered to a {@link Slot}, one per key (the UI keeps one per job id). A slot
 * keeps only its latest value. When a value arrives and no hand-off is pending, one task is
 * submitted to the FX executor at once, so a lone value is not delayed. Values that arrive
 * before that task runs replace the pending ones, so a burst costs one FX update per slot. At
 * most one task is pending at any time, whatever the number of slots.
 *
 * <p>{@link Slot#offer} and {@link #deliver} may be called from any thread. Slot consumers and
 * completion callbacks run on the thread of the FX executor, which is the JavaFX application
 * thread unless a test injects another executor.
 */
public final class FxHandoff {
    private static final Logger LOGGER = LoggerFactory.getLogger(FxHandoff.class);

    private final Executor fxExecutor;
    private final Object lock = new Object();
    /** Slots with a value not yet handed over, in the order they were first offered. */
    private final Set<Slot<?>> dirtySlots = new LinkedHashSet<>();
    private boolean handoffPending;

    /** Creates a hand-off that runs its consumers through {@code fxExecutor}. */
    public FxHandoff(Executor fxExecutor) {
        this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
    }

    /** Creates the hand-off the application uses: consumers run via {@link Platform#runLater}. */
    public static FxHandoff onFxThread() {
        return new FxHandoff(Platform::runLater);
    }

    /** Creates a slot whose latest value is passed to {@code fxConsumer} on the FX thread. */
    public <V> Slot<V> newSlot(Consumer<? super V> fxConsumer) {
        return new Slot<>(fxConsumer);
    }

    /**
     * Passes the outcome of {@code stage} to the FX thread: its value to {@code onValueFx}, or
     * its failure, unwrapped from {@link CompletionException}, to {@code onFailureFx}.
     */
    public <T> void deliver(CompletionStage<T> stage, Consumer<? super T> onValueFx,
                            Consumer<? super Throwable> onFailureFx) {
        Slot<Runnable> slot = newSlot(Runnable::run);
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                slot.offer(() -> onValueFx.accept(value));
            } else {
                Throwable cause = unwrap(failure);
                slot.offer(() -> onFailureFx.accept(cause));
            }
        });
    }

    /** Returns the exception that a future's {@link CompletionException} wraps. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void schedule(Slot<?> slot) {
        synchronized (lock) {
            dirtySlots.add(slot);
            if (handoffPending) {
                return;
            }
            handoffPending = true;
        }
        fxExecutor.execute(this::drain);
    }

    /** Runs on the FX thread: takes every dirty slot's latest value and hands it over. */
    private void drain() {
        List<Runnable> deliveries = new ArrayList<>();
        synchronized (lock) {
            for (Slot<?> slot : dirtySlots) {
                deliveries.add(slot.takeDelivery());
            }
            dirtySlots.clear();
            handoffPending = false;
        }
        for (Runnable delivery : deliveries) {
            try {
                delivery.run();
            } catch (RuntimeException e) {
                // One failing consumer must not swallow the other slots' values.
                LOGGER.error("A UI update failed", e);
            }
        }
    }

    /**
     * A latest-value cell for one key. Only the newest offered value reaches the consumer;
     * older values that were not handed over yet are dropped.
     */
    public final class Slot<V> {
        private final Consumer<? super V> fxConsumer;
        private V latest;

        private Slot(Consumer<? super V> fxConsumer) {
            this.fxConsumer = Objects.requireNonNull(fxConsumer, "fxConsumer");
        }

        /** Stores {@code value} as this slot's latest value. Any thread may call this. */
        public void offer(V value) {
            synchronized (lock) {
                latest = value;
            }
            schedule(this);
        }

        /** Called under the hand-off's lock. */
        private Runnable takeDelivery() {
            V value = latest;
            latest = null;
            return () -> fxConsumer.accept(value);
        }
    }
}
