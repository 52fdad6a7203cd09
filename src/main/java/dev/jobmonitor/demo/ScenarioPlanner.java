package dev.jobmonitor.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Draws a scenario's faults for each job, stream and request. Every draw uses its own random
 * source seeded from the config's seed, the job id and an index, so the draws do not depend on
 * thread timing or on the order in which jobs are served. Stateless and thread-safe.
 */
final class ScenarioPlanner {
    private static final long JOB_SALT = 1;
    private static final long STREAM_SALT = 2;
    private static final long REQUEST_SALT = 3;
    private static final int[] SERVER_ERRORS = {500, 502, 503};
    /** How long a job stays invisible after creation in chaos, at real-backend scale. */
    private static final Duration CHAOS_NOT_FOUND_WINDOW = Duration.ofMillis(1500);

    private final Scenario scenario;
    private final long seed;
    private final DemoConfig config;

    ScenarioPlanner(Scenario scenario, DemoConfig config) {
        this.scenario = scenario;
        this.seed = config.randomSeed();
        this.config = config;
    }

    Scenario scenario() {
        return scenario;
    }

    /** Returns the lasting faults of a job, or null when the scenario sets none. */
    FaultSettings planJob(String jobId, Instant createdAt) {
        Random random = random(jobId, JOB_SALT, 0);
        return switch (scenario) {
            case QUIRKY -> quirkyJob(random);
            case CHAOS -> chaosJob(random, createdAt);
            default -> null;
        };
    }

    /** Returns the fault of a job's stream number {@code streamIndex}, counted from 0, or null. */
    StreamFault streamFault(String jobId, int streamIndex) {
        Random random = random(jobId, STREAM_SALT, streamIndex);
        return switch (scenario) {
            case FLAKY_STREAMS -> drawStreamFault(random, 40);
            case CHAOS -> drawStreamFault(random, 30);
            default -> null;
        };
    }

    /** Returns the status that replaces a job request's response, or null to serve it. */
    Integer httpStatus(String jobId, JobRoute route, int requestIndex) {
        Random random = random(jobId, REQUEST_SALT + route.ordinal(), requestIndex);
        int percent = random.nextInt(100);
        return switch (scenario) {
            case SLOW_STATUS -> route == JobRoute.STATUS && percent < 30 ? 503 : null;
            case CHAOS -> percent < chaosErrorPercent(route)
                    ? SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)]
                    : null;
            default -> null;
        };
    }

    private static int chaosErrorPercent(JobRoute route) {
        return switch (route) {
            case STATUS -> 15;
            case STREAM -> 10;
            default -> 5;
        };
    }

    private static FaultSettings quirkyJob(Random random) {
        FaultSettings settings = new FaultSettings();
        add(settings, ContentFault.duplicateEvents());
        add(settings, ContentFault.unknownEvents());
        add(settings, ContentFault.comments());
        settings.lineEnding = LineEnding.values()[random.nextInt(LineEnding.values().length)];
        settings.chunking = Chunking.random(random.nextLong(), 1 + random.nextInt(32));
        return settings;
    }

    private FaultSettings chaosJob(Random random, Instant createdAt) {
        FaultSettings settings = new FaultSettings();
        ContentFault[] candidates = {
            ContentFault.malformedJson(), ContentFault.unknownEvents(),
            ContentFault.duplicateEvents(), ContentFault.writeAfterClientClose(),
            ContentFault.staleEventOnReconnect(), ContentFault.progressGoesDown(),
            ContentFault.nullAndMissingFields(), ContentFault.largeEvent(),
            ContentFault.comments()};
        for (ContentFault candidate : candidates) {
            if (random.nextInt(4) == 0) {
                add(settings, candidate);
            }
        }
        settings.lineEnding = LineEnding.values()[random.nextInt(LineEnding.values().length)];
        if (random.nextBoolean()) {
            settings.chunking = Chunking.random(random.nextLong(), 1 + random.nextInt(64));
        }
        settings.retryStaysQueued = random.nextInt(10) < 3;
        if (random.nextInt(10) < 3) {
            settings.notFoundUntil = createdAt.plus(config.scale(CHAOS_NOT_FOUND_WINDOW));
        }
        return settings;
    }

    /** Draws a reset, stall or early close for {@code percent} out of 100 streams. */
    private static StreamFault drawStreamFault(Random random, int percent) {
        if (random.nextInt(100) >= percent) {
            return null;
        }
        // 2 to 4 events let connected and the snapshot through, and often a live event.
        int afterEvents = 2 + random.nextInt(3);
        return switch (random.nextInt(4)) {
            case 0 -> StreamFault.resetMidEvent(afterEvents);
            case 1 -> StreamFault.stall(afterEvents);
            case 2 -> StreamFault.closeAfter(afterEvents);
            default -> StreamFault.closeBeforeTerminal();
        };
    }

    private static void add(FaultSettings settings, ContentFault fault) {
        settings.contentFaults.put(fault.kind(), fault);
    }

    private Random random(String jobId, long salt, long index) {
        long mixed = mix(seed + jobId.hashCode());
        mixed = mix(mixed + salt);
        return new Random(mix(mixed + index));
    }

    /** Scrambles the bits of a seed (the SplitMix64 finalizer), so close seeds draw apart. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
