package dev.jobmonitor.demo.sim;

import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a new job for the demo user on each run, over audiences that have no calendar and no
 * job in progress, and creates a new audience when none is left. Runs on the scheduler.
 */
public final class AutoJobs implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(AutoJobs.class);

    private final World world;
    private final JobSimulator simulator;
    private final DemoConfig config;
    private final Random random;
    private final Clock clock;
    private int createdAudiences;

    public AutoJobs(World world, JobSimulator simulator, DemoConfig config, Random random, Clock clock) {
        this.world = world;
        this.simulator = simulator;
        this.config = config;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            startOneJob();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again, so log and keep the schedule.
            LOGGER.error("Starting an automatic job failed", e);
        }
    }

    private void startOneJob() {
        synchronized (world) {
            startOneJobLocked();
        }
    }

    private void startOneJobLocked() {
        User demo = world.userByEmail(SeedData.DEMO_EMAIL).orElseThrow();
        Instant now = clock.instant();
        List<String> free = world.audiencesOf(demo.id()).stream()
                .filter(audience -> !audience.hasCalendar())
                .filter(audience -> world
                        .activeJobFor(demo.id(), audience.id(), now, config.staleJobAge())
                        .isEmpty())
                .map(Audience::id)
                .toList();
        if (free.isEmpty()) {
            free = createAudience(demo, now);
        }
        if (free.isEmpty()) {
            LOGGER.debug("No automatic job: every audience is busy and the audience cap is reached");
            return;
        }
        int size = free.size() >= 2 && random.nextInt(4) == 0 ? Math.min(3, free.size()) : 1;
        simulator.submit(demo, free.subList(0, size), drawOutcome(), config.profile());
    }

    private List<String> createAudience(User owner, Instant now) {
        if (world.audiencesOf(owner.id()).size() >= config.maxAudiencesPerUser()) {
            return List.of();
        }
        List<AudienceProfile> profiles = SeedData.EXTRA_PROFILES;
        AudienceProfile profile = profiles.get(createdAudiences % profiles.size());
        createdAudiences++;
        Audience audience = new Audience(Json.uuid(random), owner.id(), profile, 2, now);
        world.addAudience(audience);
        LOGGER.info("Audience {} created for automatic jobs", audience.id());
        return List.of(audience.id());
    }

    private JobOutcome drawOutcome() {
        int draw = random.nextInt(100);
        if (draw < 65) {
            return JobOutcome.SUCCESS;
        }
        if (draw < 80) {
            return JobOutcome.PARTIAL_FAILURE;
        }
        if (draw < 90) {
            return JobOutcome.JOB_FAILURE;
        }
        return draw < 95 ? JobOutcome.ALL_FAILED : JobOutcome.CANCELLED;
    }
}
