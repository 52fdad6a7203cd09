package dev.jobmonitor.reliability;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.WatchPolicy;
import dev.jobmonitor.watch.WatchState;
import dev.jobmonitor.watch.WatchedJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A sped-up demo backend with the real client core signed in to it, for fault scenarios. Every
 * snapshot is kept with the wall time it arrived, so tests can measure how fast faults show.
 */
final class WatchHarness implements AutoCloseable {
    static final double TIME_FACTOR = 0.02;
    static final WatchPolicy POLICY = WatchPolicy.defaults().scaled(TIME_FACTOR);

    final DemoBackend backend;
    final AccountSession session;
    private final HttpClients clients = new HttpClients();

    WatchHarness(DemoConfig.Builder config, Path dataDir) throws Exception {
        this(config, dataDir, 200);
    }

    /**
     * @param requestLimit the client's request budget per window; the window is the real 15
     *                     minutes scaled by {@link #TIME_FACTOR}, like the demo's own
     */
    WatchHarness(DemoConfig.Builder config, Path dataDir, int requestLimit) throws Exception {
        backend = DemoBackend.start(config.port(0).timeFactor(TIME_FACTOR).seedData(false)
                .autoJobs(false).build());
        Duration window = Duration.ofMillis(Math.round(Duration.ofMinutes(15).toMillis() * TIME_FACTOR));
        DefaultSignInService signIn = new DefaultSignInService(clients, dataDir, Clock.systemUTC(),
                POLICY, (server, email) -> List.of(), requestLimit, window);
        session = signIn.signIn(backend.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD.toCharArray()).get(10, TimeUnit.SECONDS);
    }

    /** A new job over {@code strategies} fresh audiences of the demo user. */
    String newJob(int strategies, dev.jobmonitor.demo.JobOutcome outcome) {
        List<String> audiences = new java.util.ArrayList<>();
        for (int i = 0; i < strategies; i++) {
            audiences.add(backend.createAudience(DemoBackend.DEMO_EMAIL, false));
        }
        return backend.createJob(audiences, outcome, backend.config().profile());
    }

    Watch watch(String jobId) {
        Watch watch = new Watch(session.watch(jobId));
        watch.job.addListener(watch::add);
        return watch;
    }

    /** Sum of every request the demo counted since its counts were last reset. */
    int totalRequests() {
        return backend.requestCounts().values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Counts the requests that arrive while a fresh demo job runs from queued to its end. A
     * watcher still working after its outcome shows up here, and the wait is on the job rather
     * than on a timer.
     */
    int requestsDuringOneMoreJob() throws Exception {
        backend.resetRequestCounts();
        String sentinel = newJob(1, dev.jobmonitor.demo.JobOutcome.SUCCESS);
        await(() -> backend.job(sentinel).orElseThrow().isFinished(), Duration.ofSeconds(30));
        return totalRequests();
    }

    static void await(BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            // Polls the condition every few milliseconds; no assertion depends on this pause.
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    @Override
    public void close() {
        session.close();
        clients.close();
        backend.close();
    }

    /** The snapshots of one watch with their arrival times. */
    static final class Watch {
        final WatchedJob job;
        final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        final CompletableFuture<JobSnapshot> outcome = new CompletableFuture<>();
        private volatile int outcomes;
        private volatile long requestsAtOutcome = -1;

        Watch(WatchedJob job) {
            this.job = job;
        }

        void add(JobSnapshot snapshot) {
            arrivals.add(new Arrival(System.nanoTime(), snapshot));
            if (snapshot.isFinished()) {
                outcomes++;
                // Read on the scheduler thread that sends the watch's requests, so no request
                // can slip between the outcome and this count.
                if (requestsAtOutcome < 0) {
                    requestsAtOutcome = job.requestsSent();
                }
                outcome.complete(snapshot);
            }
        }

        /** Requests the watch sent after its first outcome. */
        long requestsAfterOutcome() {
            return job.requestsSent() - requestsAtOutcome;
        }

        JobSnapshot awaitOutcome(Duration timeout) throws Exception {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** How many snapshots announced an outcome; more than one per attempt is a duplicate. */
        int outcomeAnnouncements() {
            int count = 0;
            WatchState previous = null;
            for (Arrival arrival : arrivals) {
                WatchState state = arrival.snapshot.state();
                if (state.isOutcome() && state != previous) {
                    count++;
                }
                previous = state;
            }
            return count;
        }

        /**
         * Milliseconds from the last snapshot while the stream was live to the first snapshot
         * that fell back to polling, or -1 when the watch never fell back.
         */
        long dropNoticedAfterMillis() {
            for (int i = 1; i < arrivals.size(); i++) {
                if (arrivals.get(i).snapshot.state() == WatchState.POLLING
                        && arrivals.get(i - 1).snapshot.state() == WatchState.LIVE) {
                    return (arrivals.get(i).nanos - arrivals.get(i - 1).nanos) / 1_000_000;
                }
            }
            return -1;
        }

        boolean fellBack() {
            return arrivals.stream().anyMatch(a -> a.snapshot.state() == WatchState.POLLING);
        }
    }

    record Arrival(long nanos, JobSnapshot snapshot) {
    }
}
