package dev.jobmonitor.demo;

import dev.jobmonitor.demo.api.FaultHooks;
import dev.jobmonitor.demo.sim.Job;
import dev.jobmonitor.demo.sim.World;
import dev.jobmonitor.demo.stream.StreamFaults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every scripted fault: those set through {@link Faults} for one job or for all jobs, and those
 * a scenario draws. For each setting a job's own value wins over the scenario's, and that over
 * the value for all jobs. Thread-safe: every method holds the registry's lock, briefly.
 */
final class FaultRegistry implements FaultHooks {
    private static final Logger LOGGER = LoggerFactory.getLogger(FaultRegistry.class);

    private final DemoConfig config;
    private final World world;
    private final Clock clock;
    private final Map<String, JobState> jobs = new HashMap<>();
    private FaultSettings global = new FaultSettings();
    private ScenarioPlanner planner;

    /** One job's faults and the history that counted and stale-event faults need. */
    private static final class JobState {
        final FaultSettings own = new FaultSettings();
        /** The scenario's lasting faults for the job, or null when it sets none. */
        FaultSettings planned;
        int streamsOpened;
        final Map<JobRoute, Integer> requests = new EnumMap<>(JobRoute.class);
        String lastProgressData;
    }

    FaultRegistry(DemoConfig config, World world, Clock clock) {
        this.config = config;
        this.world = world;
        this.clock = clock;
        this.planner = new ScenarioPlanner(config.scenario(), config);
    }

    /** Changes the faults of one job, or of all jobs when {@code jobId} is null, and logs it. */
    synchronized void change(String jobId, String description, Consumer<FaultSettings> change) {
        change.accept(jobId == null ? global : state(jobId).own);
        if (jobId == null) {
            LOGGER.info("Fault set for all jobs: {}", description);
        } else {
            LOGGER.info("Fault set for job {}: {}", jobId, description);
        }
    }

    /** Drops every fault and turns the scenario off. Streams already open keep theirs. */
    synchronized void clear() {
        jobs.clear();
        global = new FaultSettings();
        planner = new ScenarioPlanner(Scenario.NONE, config);
        LOGGER.info("Faults cleared");
    }

    /** Switches to another scenario, whose draws apply to streams and requests from now on. */
    synchronized void scenario(Scenario scenario) {
        planner = new ScenarioPlanner(scenario, config);
        jobs.values().forEach(state -> state.planned = null);
        LOGGER.info("Scenario {} selected", scenario);
    }

    synchronized Scenario scenario() {
        return planner.scenario();
    }

    @Override
    public synchronized StreamFaults faultsForNewStream(String jobId) {
        JobState state = state(jobId);
        int index = state.streamsOpened++;
        StreamFault streamFault = firstAvailable(
                () -> FaultSettings.take(state.own.streamFaults),
                () -> FaultSettings.take(global.streamFaults),
                () -> planner.streamFault(jobId, index));
        Map<ContentFault.Kind, ContentFault> content = contentFaults(state);
        LineEnding lineEnding = setting(state, settings -> settings.lineEnding, LineEnding.LF);
        Chunking chunking = setting(state, settings -> settings.chunking, Chunking.perFrame());
        if (streamFault != null || !content.isEmpty() || lineEnding != LineEnding.LF
                || chunking != Chunking.perFrame()) {
            LOGGER.info("Stream {} on job {} opens with stream fault {}, content faults {}, "
                    + "line ending {}, chunking {}", index, jobId,
                    streamFault == null ? "none" : streamFault, content.values(), lineEnding,
                    chunking);
        }

        String stale = content.containsKey(ContentFault.Kind.STALE_EVENT_ON_RECONNECT)
                ? state.lastProgressData
                : null;
        ContentRewriter rewriter = new ContentRewriter(jobId, content, stale,
                data -> recordProgress(jobId, data));
        return new StreamPlan(streamFault, rewriter, lineEnding, chunking,
                content.containsKey(ContentFault.Kind.COMMENTS),
                content.containsKey(ContentFault.Kind.WRITE_AFTER_CLIENT_CLOSE));
    }

    @Override
    public synchronized int httpFaultStatus(String jobId, JobRoute route) {
        JobState state = state(jobId);
        int index = state.requests.merge(route, 1, Integer::sum) - 1;
        Integer status = firstAvailable(
                () -> FaultSettings.take(state.own.httpFaults.get(route)),
                () -> FaultSettings.take(global.httpFaults.get(route)),
                () -> planner.httpStatus(jobId, route, index));
        if (status == null) {
            return 0;
        }
        LOGGER.info("Request {} on job {} gets injected status {}", route, jobId, status);
        return status;
    }

    @Override
    public synchronized boolean hidesJob(String jobId, Instant createdAt) {
        JobState state = state(jobId);
        Instant now = clock.instant();
        boolean hiddenForJob = Stream.of(state.own, state.planned)
                .anyMatch(settings -> settings != null && settings.notFoundUntil != null
                        && now.isBefore(settings.notFoundUntil));
        Duration window = global.notFoundWindow;
        boolean hidden = hiddenForJob || window != null && now.isBefore(createdAt.plus(window));
        if (hidden) {
            LOGGER.info("Job {} is hidden by a not-found fault, so its route responds 404", jobId);
        }
        return hidden;
    }

    /** Returns whether a retry leaves the job queued, with the config's value as the default. */
    synchronized boolean retryStaysQueued(String jobId) {
        return setting(state(jobId), settings -> settings.retryStaysQueued,
                config.retryStaysQueued());
    }

    /** Describes the lasting faults that a new stream or request on the job would get now. */
    synchronized String describe(String jobId) {
        JobState state = state(jobId);
        return "content faults " + contentFaults(state).values()
                + ", line ending " + setting(state, settings -> settings.lineEnding, LineEnding.LF)
                + ", chunking " + setting(state, settings -> settings.chunking, Chunking.perFrame())
                + ", retry stays queued " + retryStaysQueued(jobId)
                + ", scenario " + planner.scenario();
    }

    private synchronized void recordProgress(String jobId, String data) {
        state(jobId).lastProgressData = data;
    }

    /** Returns the job's state, creating it on first use and drawing the scenario's plan once. */
    private JobState state(String jobId) {
        JobState state = jobs.computeIfAbsent(jobId, key -> new JobState());
        if (state.planned == null && planner.scenario() != Scenario.NONE) {
            Instant createdAt = world.job(jobId).map(Job::createdAt).orElseGet(clock::instant);
            state.planned = planner.planJob(jobId, createdAt);
            if (state.planned != null) {
                LOGGER.info("Scenario {} set faults for job {}: {}", planner.scenario(), jobId,
                        state.planned.describeLasting());
            }
        }
        return state;
    }

    /** Merges content faults, where a job's own fault wins over others of the same kind. */
    private Map<ContentFault.Kind, ContentFault> contentFaults(JobState state) {
        Map<ContentFault.Kind, ContentFault> merged = new EnumMap<>(global.contentFaults);
        if (state.planned != null) {
            merged.putAll(state.planned.contentFaults);
        }
        merged.putAll(state.own.contentFaults);
        return merged;
    }

    /** Returns the first value set: the job's own, the scenario's, for all jobs, the default. */
    private <T> T setting(JobState state, Function<FaultSettings, T> getter, T fallback) {
        T value = firstAvailable(
                () -> getter.apply(state.own),
                () -> state.planned == null ? null : getter.apply(state.planned),
                () -> getter.apply(global));
        return value == null ? fallback : value;
    }

    /**
     * Returns the first non-null value, calling each source only when the ones before gave null,
     * so a counted fault is used up only when it applies.
     */
    @SafeVarargs
    private static <T> T firstAvailable(Supplier<T>... sources) {
        for (Supplier<T> source : sources) {
            T value = source.get();
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
