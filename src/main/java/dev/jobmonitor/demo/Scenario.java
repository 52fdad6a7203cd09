package dev.jobmonitor.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A named set of faults chosen when the backend starts, with {@link DemoConfig.Builder#scenario}
 * or later with {@link Faults#scenario}. Random choices come from the config's seed, the job id
 * and a count of streams or requests, so a run with the same seed and the same requests gets
 * the same faults.
 */
public enum Scenario {
    /** No faults. */
    NONE("none", "no faults"),
    /** Some streams reset mid-event, stall, or close early. */
    FLAKY_STREAMS("flaky-streams",
            "about 2 in 5 streams reset mid-event, stall, or close before their end"),
    /** Some status requests get 503. */
    SLOW_STATUS("slow-status", "about 3 in 10 status requests get 503"),
    /** The production request budget, 200 requests per 15 minutes scaled by the time factor. */
    RATE_LIMITED("rate-limited", "the production budget of 200 requests per 15 minutes"),
    /** Duplicated and unknown events, comments, other line endings and random chunk splits. */
    QUIRKY("quirky",
            "duplicate and unknown events, comments, and a random line ending and random "
                    + "chunks per job"),
    /** A random mix of every per-job fault, drawn for each job, stream and request. */
    CHAOS("chaos", "a random mix of stream, HTTP and content faults for each job");

    private final String id;
    private final String description;

    Scenario(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Returns the name used on the command line, such as {@code flaky-streams}. */
    public String id() {
        return id;
    }

    /** Returns a one-line description for help text. */
    public String description() {
        return description;
    }

    /**
     * Parses a scenario name, ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException naming the valid names when {@code name} is not one
     */
    public static Scenario parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(scenario -> scenario.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scenario '" + name
                        + "'; expected one of: " + names()));
    }

    /** Returns every scenario name, comma-separated, for help and error text. */
    public static String names() {
        return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
