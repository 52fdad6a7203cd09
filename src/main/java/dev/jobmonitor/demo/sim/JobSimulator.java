package dev.jobmonitor.demo.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs simulated content_calendar jobs on a scheduler: each run is a chain of timed steps that
 * change the job row and publish events, like the real worker.
 *
 * <p>Thread-safe. Steps run on the scheduler's threads; {@link #cancel} and {@link #retry} are
 * called on HTTP connection threads. A step acts only if the job is still on the attempt that
 * planned it, so a retry makes the old chain stop.
 */
public final class JobSimulator {
    private static final Logger LOGGER = LoggerFactory.getLogger(JobSimulator.class);

    static final String CANCELLED_ERROR = "Cancelled";
    static final String STRATEGY_ERROR =
            "Failed to generate content calendar: 500 upstream model timeout";
    static final String JOB_ERROR = "Connection terminated unexpectedly";
    static final String JOB_ERROR_CODE = "ECONNRESET";

    private final World world;
    private final DemoConfig config;
    private final ScheduledExecutorService scheduler;
    private final Random random;
    private final Clock clock;
    private final Predicate<String> retryStaysQueued;

    /** One timed step of a run; it returns false to end the chain. */
    private record Step(long offsetNanos, BooleanSupplier action) {
    }

    /**
     * @param retryStaysQueued returns, for a job id, whether a retry leaves the job queued
     *     forever; called on HTTP connection threads
     */
    public JobSimulator(World world, DemoConfig config, ScheduledExecutorService scheduler,
            Random random, Clock clock, Predicate<String> retryStaysQueued) {
        this.world = world;
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.clock = clock;
        this.retryStaysQueued = retryStaysQueued;
    }

    /** Creates a queued job over the given audiences and schedules its first run. */
    public Job submit(User owner, List<String> strategyIds, JobOutcome outcome,
            ProgressProfile profile) {
        Job job = new Job(Json.uuid(random), owner, strategyIds, profile, outcome, clock.instant(),
                clock);
        world.addJob(job);
        LOGGER.info("Job {} queued: strategy count {}, profile {}, outcome {}", job.id(),
                strategyIds.size(), profile, outcome);
        schedule(job, 1, outcome);
        return job;
    }

    /**
     * Adds a job that already failed with a job-level error, as if its worker lost the database
     * connection, so Retry has something to act on.
     */
    public Job addFailedJob(User owner, List<String> strategyIds, ProgressProfile profile,
            Instant createdAt) {
        Job job = new Job(Json.uuid(random), owner, strategyIds, profile, JobOutcome.JOB_FAILURE,
                createdAt, clock);
        job.change(row -> {
            row.status = JobStatus.FAILED;
            row.progress = 8;
            row.currentStep = ProgressEvents.TRENDS_STEP;
            // NOTE: estimates are the real backend's seconds and are not scaled by the time
            // factor, so a sped-up demo job ends long before its estimate runs out.
            row.estimatedTimeRemaining = ProgressEvents.TRENDS_ETA;
            row.error = JOB_ERROR;
            row.errorCode = JOB_ERROR_CODE;
        });
        world.addJob(job);
        LOGGER.info("Job {} added as failed: {}", job.id(), JOB_ERROR);
        return job;
    }

    /**
     * Cancels a queued job at once, or marks a running one; the run then finishes generation and
     * ends {@code failed}, as the real worker checks for cancellation only before and after.
     *
     * @return false when the job is not queued or running
     */
    public boolean cancel(Job job) {
        synchronized (job) {
            JobStatus status = job.row().status;
            if (status == JobStatus.QUEUED) {
                job.change(row -> {
                    row.status = JobStatus.FAILED;
                    row.error = CANCELLED_ERROR;
                    row.errorCode = null;
                }, failedEvent(CANCELLED_ERROR, null));
                LOGGER.info("Job {} cancelled while queued", job.id());
                return true;
            }
            if (status == JobStatus.RUNNING) {
                job.change(row -> row.cancelRequested = true);
                LOGGER.info("Job {} cancel requested; it ends after generation", job.id());
                return true;
            }
            return false;
        }
    }

    /**
     * Resets a failed job to queued and runs it again, unless the retry-stays-queued setting is
     * on for the job. Like the real backend it keeps {@code errorCode} and the ETA.
     *
     * @return false when the job is not failed
     */
    public boolean retry(Job job) {
        int attempt;
        synchronized (job) {
            if (job.row().status != JobStatus.FAILED) {
                return false;
            }
            job.change(row -> {
                row.status = JobStatus.QUEUED;
                row.progress = 0;
                row.currentStep = null;
                row.error = null;
                row.result = null;
                row.cancelRequested = false;
                row.attempt++;
            });
            attempt = job.row().attempt;
        }
        if (retryStaysQueued.test(job.id())) {
            LOGGER.info("Job {} queued again by retry (attempt {}); it stays queued", job.id(),
                    attempt);
        } else {
            LOGGER.info("Job {} queued again by retry (attempt {})", job.id(), attempt);
            schedule(job, attempt, JobOutcome.SUCCESS);
        }
        return true;
    }

    private void schedule(Job job, int attempt, JobOutcome outcome) {
        List<Step> steps = plan(job, attempt, outcome);
        runLater(() -> runStep(job, steps, 0), config.scale(config.queueDelay()).toNanos());
    }

    private void runStep(Job job, List<Step> steps, int index) {
        boolean proceed;
        try {
            proceed = steps.get(index).action().getAsBoolean();
        } catch (RuntimeException e) {
            LOGGER.error("Simulation step {} of job {} failed", index, job.id(), e);
            return;
        }
        if (proceed && index + 1 < steps.size()) {
            long delay = steps.get(index + 1).offsetNanos() - steps.get(index).offsetNanos();
            runLater(() -> runStep(job, steps, index + 1), delay);
        }
    }

    private void runLater(Runnable task, long delayNanos) {
        try {
            scheduler.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOGGER.debug("Simulation step dropped because the backend is closing");
        }
    }

    /** Lays out one run's steps in time, from the moment the job leaves the queue. */
    private List<Step> plan(Job job, int attempt, JobOutcome outcome) {
        long duration = drawDurationNanos();
        int keywordCount = 2 + random.nextInt(9);
        int fetchedCount = random.nextInt(keywordCount + 1);
        Run run = new Run(job, attempt, outcome, keywordCount, fetchedCount);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(0, run::start));
        if (job.profile() == ProgressProfile.DOCUMENTED) {
            int phases = job.strategyIds().size() * ProgressEvents.PHASES.size();
            for (int step = 0; step < phases; step++) {
                int phaseStep = step;
                steps.add(new Step(duration * (step + 1) / (phases + 1), () -> run.phase(phaseStep)));
            }
        } else {
            long trendsAt = Math.min(config.scale(config.trendsDelay()).toNanos(), duration / 2);
            steps.add(new Step(trendsAt, run::trends));
        }
        if (outcome == JobOutcome.CANCELLED) {
            steps.add(new Step(duration / 3, run::requestCancel));
        }
        steps.sort(Comparator.comparingLong(Step::offsetNanos));
        if (outcome == JobOutcome.JOB_FAILURE) {
            steps.removeIf(step -> step.offsetNanos() >= duration / 2 && step.offsetNanos() > 0);
            steps.add(new Step(duration / 2, run::failJob));
        } else {
            steps.add(new Step(duration, run::finish));
        }
        return steps;
    }

    private long drawDurationNanos() {
        long min = config.scale(config.minJobDuration()).toNanos();
        long max = config.scale(config.maxJobDuration()).toNanos();
        return max <= min ? min : min + (long) (random.nextDouble() * (max - min));
    }

    private static JobEvent event(String name, ObjectNode data) {
        return new JobEvent(name, Json.write(data));
    }

    private static JobEvent failedEvent(String error, String errorCode) {
        ObjectNode data = Json.object();
        data.put("error", error);
        data.put("errorCode", errorCode);
        return event("failed", data);
    }

    /** The steps of one attempt of one job. Each runs under the job's lock. */
    private final class Run {
        private final Job job;
        private final int attempt;
        private final JobOutcome outcome;
        private final int keywordCount;
        private final int fetchedCount;

        Run(Job job, int attempt, JobOutcome outcome, int keywordCount, int fetchedCount) {
            this.job = job;
            this.attempt = attempt;
            this.outcome = outcome;
            this.keywordCount = keywordCount;
            this.fetchedCount = fetchedCount;
        }

        boolean start() {
            synchronized (job) {
                Job.Row row = job.row();
                if (row.attempt != attempt || row.status != JobStatus.QUEUED) {
                    return false;
                }
                if (row.cancelRequested) {
                    job.change(r -> {
                        r.status = JobStatus.FAILED;
                        r.error = CANCELLED_ERROR;
                        r.errorCode = null;
                    }, failedEvent(CANCELLED_ERROR, null));
                    LOGGER.info("Job {} cancelled before it started", job.id());
                    return false;
                }
                job.change(r -> {
                    r.status = JobStatus.RUNNING;
                    r.progress = 0;
                    r.currentStep = null;
                    r.estimatedTimeRemaining = null;
                }, event("step-change", ProgressEvents.progress(0, null, null)));
                String message = ProgressEvents.startMessage(job.profile(), job.strategyIds().size());
                publishProgress(ProgressEvents.progress(5, message, ProgressEvents.START_ETA));
                LOGGER.info("Job {} running (attempt {})", job.id(), attempt);
                return true;
            }
        }

        boolean phase(int step) {
            synchronized (job) {
                if (!isRunning()) {
                    return false;
                }
                publishProgress(ProgressEvents.phase(step, job.strategyIds()));
                return true;
            }
        }

        boolean trends() {
            synchronized (job) {
                if (!isRunning()) {
                    return false;
                }
                publishProgress(ProgressEvents.trends(keywordCount, fetchedCount));
                return true;
            }
        }

        boolean requestCancel() {
            synchronized (job) {
                if (!isRunning()) {
                    return false;
                }
                job.change(row -> row.cancelRequested = true);
                LOGGER.info("Job {} cancel requested by its script", job.id());
                return true;
            }
        }

        boolean failJob() {
            synchronized (job) {
                if (!isRunning()) {
                    return false;
                }
                job.change(row -> {
                    row.status = JobStatus.FAILED;
                    row.error = JOB_ERROR;
                    row.errorCode = JOB_ERROR_CODE;
                }, failedEvent(JOB_ERROR, JOB_ERROR_CODE));
                LOGGER.info("Job {} failed: {} ({})", job.id(), JOB_ERROR, JOB_ERROR_CODE);
                return false;
            }
        }

        boolean finish() {
            synchronized (job) {
                if (!isRunning()) {
                    return false;
                }
                publishProgress(ProgressEvents.progress(100, ProgressEvents.COMPLETE_STEP, null));
                ObjectNode result = generateCalendars();
                if (job.row().cancelRequested) {
                    job.change(row -> {
                        row.status = JobStatus.FAILED;
                        row.error = CANCELLED_ERROR;
                        row.errorCode = null;
                    }, failedEvent(CANCELLED_ERROR, null));
                    LOGGER.info("Job {} failed: cancelled after generation", job.id());
                    return false;
                }
                ObjectNode data = Json.object();
                data.set("result", result);
                job.change(row -> {
                    row.status = JobStatus.SUCCEEDED;
                    row.currentStep = null;
                    row.estimatedTimeRemaining = null;
                    row.result = Json.jsonbOrdered(result);
                }, event("complete", data));
                LOGGER.info("Job {} succeeded: {} of {} strategies got a calendar", job.id(),
                        result.get("succeeded").asInt(), job.strategyIds().size());
                return false;
            }
        }

        private boolean isRunning() {
            Job.Row row = job.row();
            return row.attempt == attempt && row.status == JobStatus.RUNNING;
        }

        private void publishProgress(ObjectNode data) {
            job.change(row -> {
                row.progress = data.get("progress").asInt();
                row.currentStep = data.get("currentStep").textValue();
                JsonNode eta = data.get("estimatedTimeRemaining");
                row.estimatedTimeRemaining = eta.isNull() ? null : eta.intValue();
            }, event("progress-update", data));
            LOGGER.debug("Job {} progress {}", job.id(), data.get("progress").asInt());
        }

        /** Saves a calendar for each strategy that succeeds and builds the job result. */
        private ObjectNode generateCalendars() {
            List<String> strategyIds = job.strategyIds();
            ArrayNode results = Json.array();
            int succeeded = 0;
            for (int i = 0; i < strategyIds.size(); i++) {
                ObjectNode entry = generateCalendar(i);
                results.add(entry);
                succeeded += entry.get("success").asBoolean() ? 1 : 0;
            }

            ObjectNode result = Json.object();
            result.put("success", succeeded > 0);
            result.put("strategyCount", strategyIds.size());
            result.put("succeeded", succeeded);
            result.put("failed", strategyIds.size() - succeeded);
            result.set("results", results);
            result.put("trendsFetched", true);
            result.put("trendsKeywordCount", keywordCount);
            result.put("trendsFetchedCount", fetchedCount);
            return result;
        }

        /**
         * Generates and saves one strategy's calendar unless its script fails it; returns its
         * result entry.
         */
        private ObjectNode generateCalendar(int index) {
            String strategyId = job.strategyIds().get(index);
            Optional<String> error = strategyError(index, job.strategyIds().size());
            Optional<Audience> audience = world.audience(strategyId);
            if (error.isEmpty() && audience.isEmpty()) {
                error = Optional.of("Audience not found");
            }
            ObjectNode entry = Json.object();
            entry.put("strategyId", strategyId);
            entry.put("success", error.isEmpty());
            if (error.isPresent()) {
                entry.put("error", error.get());
                return entry;
            }

            List<String> topics = audience.get().profile().topics();
            ArrayNode ideas = ContentIdeas.generate(topics, random);
            ArrayNode trending = fetchedCount == 0
                    ? null
                    : ContentIdeas.trendingTopics(topics, fetchedCount, random);
            audience.get().saveCalendar(ideas, trending, clock.instant());
            entry.put("ideaCount", ContentIdeas.DAYS);
            return entry;
        }

        private Optional<String> strategyError(int index, int total) {
            boolean fails = switch (outcome) {
                case ALL_FAILED -> true;
                case PARTIAL_FAILURE -> index == total - 1;
                default -> false;
            };
            return fails ? Optional.of(STRATEGY_ERROR) : Optional.empty();
        }
    }
}
