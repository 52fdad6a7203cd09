package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling, so no test depends on a fixed pause. */
final class Conditions {
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private Conditions() {
    }

    static void await(String description, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toMillis() + " ms waiting until " + description);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Waits until the supplier returns a value matching the condition, and returns that value. */
    static <T> T awaitValue(String description, Duration timeout, Supplier<T> supplier,
            java.util.function.Predicate<T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = supplier.get();
            if (condition.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toMillis() + " ms waiting until " + description + "; last value: "
                        + value);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
