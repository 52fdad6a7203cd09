package dev.jobmonitor.demo.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts requests per route, keyed like {@code GET /api/v1/jobs/:id/status}. Thread-safe. */
public final class RequestCounter {
    /** The route key of requests that matched no route. */
    public static final String UNMATCHED = "(unmatched)";

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void record(String method, String route) {
        counts.computeIfAbsent(key(method, route), key -> new AtomicInteger()).incrementAndGet();
    }

    /** Returns how many requests matched the route, such as {@code count("GET", "/health")}. */
    public int count(String method, String route) {
        AtomicInteger count = counts.get(key(method, route));
        return count == null ? 0 : count.get();
    }

    /** Returns a sorted copy of all counts. */
    public Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((key, value) -> copy.put(key, value.get()));
        return copy;
    }

    public void reset() {
        counts.clear();
    }

    private static String key(String method, String route) {
        return method + " " + route;
    }
}
