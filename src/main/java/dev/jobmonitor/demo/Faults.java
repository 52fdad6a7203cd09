package dev.jobmonitor.demo;

import dev.jobmonitor.demo.api.ApiContext;
import dev.jobmonitor.demo.api.Tokens;
import dev.jobmonitor.demo.sim.World;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripted faults of a {@link DemoBackend}, from {@link DemoBackend#faults()}: for one job,
 * for all jobs, from a scenario, and backend-wide ones (request budget, token secrets).
 *
 * <p>Thread-safe; tests call it from their own thread while streams run. A change applies to
 * streams opened and requests received after it. Connection faults that need no job,
 * {@link DemoBackend#refuseConnections} and {@link DemoBackend#restart}, stay on the backend.
 */
public final class Faults {
    private static final Logger LOGGER = LoggerFactory.getLogger(Faults.class);

    private final FaultRegistry registry;
    private final World world;
    private final Clock clock;
    private final ApiContext context;
    private final Tokens tokens;
    private final DemoConfig config;
    private final JobFaults global;

    Faults(FaultRegistry registry, World world, Clock clock, ApiContext context, Tokens tokens,
            DemoConfig config) {
        this.registry = registry;
        this.world = world;
        this.clock = clock;
        this.context = context;
        this.tokens = tokens;
        this.config = config;
        this.global = new JobFaults(registry, world, clock, null);
        context.setRateLimit(rateLimitFor(config.scenario()));
    }

    /**
     * Returns the faults of one job.
     *
     * @throws IllegalArgumentException when no job has that id, for example after a purge
     */
    public JobFaults onJob(String jobId) {
        if (world.job(jobId).isEmpty()) {
            throw new IllegalArgumentException("No job has id " + jobId
                    + "; it was never created or was purged");
        }
        return new JobFaults(registry, world, clock, jobId);
    }

    /** Returns the faults of all jobs, which apply where a job has no setting of its own. */
    public JobFaults global() {
        return global;
    }

    /**
     * Drops every job and global fault, turns the scenario off and restores the configured
     * request budget. Streams already open keep their faults, and purged jobs and invalidated
     * tokens stay so.
     */
    public void clear() {
        registry.clear();
        context.setRateLimit(config.rateLimit());
    }

    /**
     * Switches to a scenario, or off with {@link Scenario#NONE}, and sets the request budget it
     * implies. Faults set through {@link #onJob} and {@link #global} stay.
     */
    public void scenario(Scenario scenario) {
        registry.scenario(scenario);
        context.setRateLimit(rateLimitFor(scenario));
    }

    public Scenario scenario() {
        return registry.scenario();
    }

    /**
     * Sets the per-IP request budget from now on, with a fresh window for every client, or turns
     * it off when {@code limit} is null. {@link RateLimit#production()} is the real one.
     */
    public void rateLimit(RateLimit limit) {
        context.setRateLimit(limit);
        LOGGER.info("Fault set for all clients: rate limit {}", limit == null ? "off" : limit);
    }

    /**
     * Makes every access token issued so far invalid, as a deploy with a new secret does: job
     * routes respond 401 to them, and a refresh still returns a working token.
     */
    public void invalidateAccessTokens() {
        tokens.invalidateAccessTokens();
        LOGGER.info("Fault set for all users: access tokens issued so far are invalid");
    }

    /**
     * Makes every refresh token issued so far invalid, so a refresh gets 401
     * {@code Invalid refresh token} and the user must log in again; new logins work.
     */
    public void invalidateRefreshTokens() {
        tokens.invalidateRefreshTokens();
        LOGGER.info("Fault set for all users: refresh tokens issued so far are invalid");
    }

    /**
     * Describes the lasting faults a new stream on the job would get: content faults, line
     * ending, chunking, retry behaviour and scenario. Counted faults are not listed.
     */
    public String describe(String jobId) {
        return registry.describe(jobId);
    }

    /** Returns the configured budget, or the production one in the rate-limited scenario. */
    private RateLimit rateLimitFor(Scenario scenario) {
        if (scenario == Scenario.RATE_LIMITED && config.rateLimit() == null) {
            return RateLimit.production();
        }
        return config.rateLimit();
    }
}
