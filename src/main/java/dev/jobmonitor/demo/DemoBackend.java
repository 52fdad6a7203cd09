package dev.jobmonitor.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jobmonitor.demo.api.ApiContext;
import dev.jobmonitor.demo.api.RequestCounter;
import dev.jobmonitor.demo.api.Tokens;
import dev.jobmonitor.demo.http.HttpServer;
import dev.jobmonitor.demo.http.NamedThreadFactory;
import dev.jobmonitor.demo.sim.Audience;
import dev.jobmonitor.demo.sim.AudienceProfile;
import dev.jobmonitor.demo.sim.AutoJobs;
import dev.jobmonitor.demo.sim.ContentIdeas;
import dev.jobmonitor.demo.sim.Job;
import dev.jobmonitor.demo.sim.JobSimulator;
import dev.jobmonitor.demo.sim.Json;
import dev.jobmonitor.demo.sim.SeedData;
import dev.jobmonitor.demo.sim.User;
import dev.jobmonitor.demo.sim.World;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo backend: a real HTTP server on 127.0.0.1 that serves the content-marketing
 * API (auth, audiences, content calendars, jobs with SSE streams) and simulates
 * content_calendar jobs.
 *
 * <p>Start it with {@link #start(DemoConfig)} and stop it with {@link #close()}. Every public
 * method is thread-safe and may be called from any thread, tests included. Requests are served
 * on one daemon thread per connection, named {@code demo-http-connection-N}; jobs advance on
 * daemon threads named {@code demo-sim-N}. After {@code close()} the port is released, every
 * connection is closed and the control methods have no further effect on clients.
 */
public final class DemoBackend implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(DemoBackend.class);

    /** The e-mail address of the seeded demo user. */
    public static final String DEMO_EMAIL = SeedData.DEMO_EMAIL;
    /** The password of the seeded demo user. */
    public static final String DEMO_PASSWORD = SeedData.DEMO_PASSWORD;
    /** A second user, whose jobs and audiences the demo user cannot see. */
    public static final String OTHER_EMAIL = SeedData.OTHER_EMAIL;
    /** The password of the second user. */
    public static final String OTHER_PASSWORD = SeedData.OTHER_PASSWORD;

    private final DemoConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Random random;
    private final ScheduledThreadPoolExecutor scheduler;
    private final World world = new World();
    private final JobSimulator simulator;
    private final Tokens tokens;
    private final FaultRegistry faultRegistry;
    private final Faults faults;
    private final RequestCounter requestCounter = new RequestCounter();
    private final ApiContext context;
    private final HttpServer server;
    private final List<String> seedJobIds;

    private DemoBackend(DemoConfig config) {
        this.config = config;
        this.random = new Random(config.randomSeed());
        this.scheduler = new ScheduledThreadPoolExecutor(2, new NamedThreadFactory("demo-sim"));
        scheduler.setRemoveOnCancelPolicy(true);
        SeedData.addUsers(world, random, clock);
        this.faultRegistry = new FaultRegistry(config, world, clock);
        this.simulator = new JobSimulator(world, config, scheduler, random, clock,
                faultRegistry::retryStaysQueued);
        this.tokens = new Tokens(world, config, clock);
        this.context = new ApiContext(config, world, simulator, tokens, scheduler, faultRegistry,
                random, clock);
        this.faults = new Faults(faultRegistry, world, clock, context, tokens, config);
        this.server = new HttpServer(context.router(requestCounter),
                config.connectionIdleTimeout());
        this.seedJobIds = config.seedData()
                ? SeedData.populate(world, simulator, config, random, clock)
                : List.of();
    }

    /**
     * Starts a backend: binds the port, seeds data if configured and starts the simulation.
     *
     * @throws IOException when the port cannot be bound
     */
    public static DemoBackend start(DemoConfig config) throws IOException {
        DemoBackend backend = new DemoBackend(config);
        try {
            backend.server.start(config.port());
        } catch (IOException e) {
            backend.scheduler.shutdownNow();
            throw e;
        }
        if (config.autoJobs()) {
            long period = config.scale(config.autoJobInterval()).toNanos();
            AutoJobs autoJobs = new AutoJobs(backend.world, backend.simulator, config, backend.random,
                    backend.clock);
            backend.scheduler.scheduleAtFixedRate(autoJobs, period, period, TimeUnit.NANOSECONDS);
        }
        LOGGER.info("Demo backend started at {} (profile {}, time factor {}, scenario {}, "
                + "rate limit {}, seed jobs {})", backend.baseUrl(), config.profile(),
                config.timeFactor(), config.scenario(), rateLimitText(backend.context.rateLimit()),
                backend.seedJobIds);
        return backend;
    }

    /** Returns {@code http://127.0.0.1:PORT} without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    public DemoConfig config() {
        return config;
    }

    /**
     * Returns the demo user's seed jobs: a three-strategy bundle and a single job that run at
     * start, and a job that already failed with a job-level error. Empty when seed data is off.
     * The real backend has no job list, so the app adds these to its known jobs.
     */
    public List<String> seedJobIds() {
        return seedJobIds;
    }

    /**
     * Creates a queued job over the given audiences, owned by their owner, and starts simulating
     * it. The outcome applies to the first run; a retried run succeeds.
     *
     * @throws IllegalArgumentException when the list is empty, an audience is unknown, or the
     *     audiences belong to different users
     */
    public String createJob(List<String> audienceIds, JobOutcome outcome, ProgressProfile profile) {
        if (audienceIds.isEmpty()) {
            throw new IllegalArgumentException("A job needs at least one audience id");
        }
        List<Audience> audiences = audienceIds.stream().map(this::audience).toList();
        String ownerId = audiences.get(0).userId();
        if (audiences.stream().anyMatch(audience -> !audience.userId().equals(ownerId))) {
            throw new IllegalArgumentException(
                    "Audiences " + audienceIds + " belong to different users");
        }
        User owner = world.userById(ownerId).orElseThrow();
        return simulator.submit(owner, audienceIds, outcome, profile).id();
    }

    /**
     * Creates an audience for a user and returns its id.
     *
     * @param withCalendar whether it starts with a saved 30-idea calendar
     * @throws IllegalArgumentException when no user has that e-mail address
     */
    public String createAudience(String ownerEmail, boolean withCalendar) {
        User owner = user(ownerEmail);
        List<AudienceProfile> profiles = SeedData.allProfiles();
        AudienceProfile profile = profiles.get(random.nextInt(profiles.size()));
        Audience audience = new Audience(Json.uuid(random), owner.id(), profile, 1, clock.instant());
        if (withCalendar) {
            ArrayNode ideas = ContentIdeas.generate(profile.topics(), random);
            audience.saveCalendar(ideas, null, clock.instant());
        }
        world.addAudience(audience);
        return audience.id();
    }

    /** Returns the ids of a user's audiences, newest first. */
    public List<String> audienceIds(String ownerEmail) {
        return world.audiencesOf(user(ownerEmail).id()).stream().map(Audience::id).toList();
    }

    /** Returns a copy of a job's row as it is now, or empty for an unknown id. */
    public Optional<JobSnapshot> job(String jobId) {
        return world.job(jobId).map(Job::snapshot);
    }

    /**
     * Returns how many requests arrived for a route, whatever their status, such as
     * {@code requestCount("GET", "/api/v1/jobs/:id/status")}. Requests that match no route count
     * under the route {@code "(unmatched)"}.
     */
    public int requestCount(String method, String route) {
        return requestCounter.count(method, route);
    }

    /** Returns every request count, keyed like {@code "GET /api/v1/jobs/:id/stream"}. */
    public Map<String, Integer> requestCounts() {
        return requestCounter.snapshot();
    }

    /** Sets every request count back to zero. */
    public void resetRequestCounts() {
        requestCounter.reset();
    }

    /**
     * Returns the scripted faults: per job, for all jobs, the scenario, the request budget and
     * token secrets. See {@link Faults}.
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Applies a fault to the next streams opened on one job; faults queue in order. The same as
     * {@code faults().onJob(jobId).streamFault(fault)}.
     *
     * @throws IllegalArgumentException when no job has that id
     */
    public void injectFault(String jobId, StreamFault fault) {
        faults.onJob(jobId).streamFault(fault);
    }

    /**
     * Applies a fault to the next streams opened on any job, after job-specific faults. The same
     * as {@code faults().global().streamFault(fault)}.
     */
    public void injectFault(StreamFault fault) {
        faults.global().streamFault(fault);
    }

    /** Drops every fault not used yet, as {@link Faults#clear()} does. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Closes the listening socket so new connections are refused, and listens again on the same
     * port after {@code duration}, which is not scaled. Open connections stay open.
     */
    public void refuseConnections(Duration duration) {
        server.stopListening();
        LOGGER.info("Refusing connections for {} ms", duration.toMillis());
        scheduler.schedule(this::resumeListening, duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Returns whether new connections are accepted now. */
    public boolean isAcceptingConnections() {
        return server.isListening();
    }

    /**
     * Simulates a restart of the API process: closes every connection and the listening socket,
     * then listens again on the same port. Data and running jobs are kept, because the real backend
     * keeps them in its database and worker process.
     */
    public void restart() throws IOException {
        server.stopListening();
        server.closeConnections();
        server.resumeListening();
        LOGGER.info("Demo backend restarted on port {}", port());
    }

    /** Sets the outcome of jobs that {@code request-content-calendar} creates from now on. */
    public void setRequestedJobOutcome(JobOutcome outcome) {
        context.setRequestedJobOutcome(outcome);
    }

    /**
     * Issues an access token for a user with any lifetime; a negative lifetime gives a token
     * that is already expired.
     */
    public String issueAccessToken(String email, Duration lifetime) {
        return tokens.issueAccess(user(email), lifetime);
    }

    /** Blocks the calling thread until {@link #close()} has run, as {@code --demo-server} needs. */
    public void awaitClosed() throws InterruptedException {
        server.awaitClosed();
    }

    /** Stops the server, closes every connection and stops the simulation. Idempotent. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        server.close();
    }

    private static String rateLimitText(RateLimit limit) {
        return limit == null ? "off" : limit.toString();
    }

    private void resumeListening() {
        try {
            server.resumeListening();
            LOGGER.info("Accepting connections again on port {}", port());
        } catch (IOException e) {
            LOGGER.error("Could not listen again on port {}", port(), e);
        }
    }

    private User user(String email) {
        return world.userByEmail(email)
                .orElseThrow(() -> new IllegalArgumentException("Unknown user " + email));
    }

    private Audience audience(String id) {
        return world.audience(id)
                .orElseThrow(() -> new IllegalArgumentException("Unknown audience " + id));
    }
}
