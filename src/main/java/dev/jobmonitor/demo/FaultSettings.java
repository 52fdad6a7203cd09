package dev.jobmonitor.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The faults set on one job, or on all jobs, by the API or by a scenario. A null setting
 * inherits from the next layer. Not thread-safe, so {@link FaultRegistry} guards every instance.
 */
final class FaultSettings {
    final Deque<Countdown<StreamFault>> streamFaults = new ArrayDeque<>();
    final Map<JobRoute, Deque<Countdown<Integer>>> httpFaults = new EnumMap<>(JobRoute.class);
    final Map<ContentFault.Kind, ContentFault> contentFaults =
            new EnumMap<>(ContentFault.Kind.class);
    LineEnding lineEnding;
    Chunking chunking;
    Boolean retryStaysQueued;
    /** For one job: job routes give 404 until then. */
    Instant notFoundUntil;
    /** For all jobs: job routes give 404 until this long after each job's creation. */
    Duration notFoundWindow;

    /** A value handed out to the next {@code remaining} requests or streams. */
    static final class Countdown<T> {
        final T value;
        int remaining;

        Countdown(T value, int count) {
            this.value = value;
            this.remaining = count;
        }
    }

    /** Takes one use of the first value in the queue, or returns null when it is empty. */
    static <T> T take(Deque<Countdown<T>> queue) {
        Countdown<T> first = queue == null ? null : queue.peekFirst();
        if (first == null) {
            return null;
        }
        first.remaining--;
        if (first.remaining <= 0) {
            queue.removeFirst();
        }
        return first.value;
    }

    /** Lists the settings that are set, leaving out counted faults. */
    String describeLasting() {
        List<String> parts = new ArrayList<>();
        parts.add("content faults " + contentFaults.values());
        if (lineEnding != null) {
            parts.add("line ending " + lineEnding);
        }
        if (chunking != null) {
            parts.add("chunking " + chunking);
        }
        if (retryStaysQueued != null) {
            parts.add("retry stays queued " + retryStaysQueued);
        }
        if (notFoundUntil != null) {
            parts.add("404 until " + notFoundUntil);
        }
        if (notFoundWindow != null) {
            parts.add("404 for " + notFoundWindow.toMillis() + " ms after creation");
        }
        return String.join(", ", parts);
    }

    void addHttpFault(JobRoute route, int status, int count) {
        httpFaults.computeIfAbsent(route, key -> new ArrayDeque<>())
                .addLast(new Countdown<>(status, count));
    }
}
