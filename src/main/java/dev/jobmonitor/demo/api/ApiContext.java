package dev.jobmonitor.demo.api;

import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.RateLimit;
import dev.jobmonitor.demo.sim.JobSimulator;
import dev.jobmonitor.demo.sim.World;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

/** Shared state of the routes: the data, the simulation, tokens and settings. Thread-safe. */
public final class ApiContext {
    final DemoConfig config;
    final World world;
    final JobSimulator simulator;
    final Tokens tokens;
    final Authenticator authenticator;
    final ScheduledExecutorService scheduler;
    final FaultHooks faults;
    final Random random;
    final Clock clock;
    private volatile JobOutcome requestedJobOutcome = JobOutcome.SUCCESS;
    private volatile RateLimit rateLimit;
    private volatile RateLimiter rateLimiter;

    public ApiContext(DemoConfig config, World world, JobSimulator simulator, Tokens tokens,
            ScheduledExecutorService scheduler, FaultHooks faults, Random random, Clock clock) {
        this.config = config;
        this.world = world;
        this.simulator = simulator;
        this.tokens = tokens;
        this.authenticator = new Authenticator(tokens);
        this.scheduler = scheduler;
        this.faults = faults;
        this.random = random;
        this.clock = clock;
    }

    /** Sets the outcome of jobs that {@code request-content-calendar} creates from now on. */
    public void setRequestedJobOutcome(JobOutcome outcome) {
        requestedJobOutcome = Objects.requireNonNull(outcome, "outcome");
    }

    JobOutcome requestedJobOutcome() {
        return requestedJobOutcome;
    }

    /**
     * Sets the per-IP request budget, with its window scaled by the time factor, or turns it off
     * when {@code limit} is null. Every client starts a fresh window.
     */
    public void setRateLimit(RateLimit limit) {
        rateLimit = limit;
        rateLimiter = limit == null
                ? null
                : new RateLimiter(limit, config.scale(limit.window()), System::nanoTime);
    }

    /** Returns the request budget in force, at real-backend scale, or null for none. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** Returns the request budget in force, or null when requests are not limited. */
    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Builds the router with every route of the demo backend. */
    public Router router(RequestCounter counter) {
        return new Router(Routes.all(this), this::rateLimiter, counter);
    }
}
