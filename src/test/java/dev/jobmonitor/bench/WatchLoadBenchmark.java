package dev.jobmonitor.bench;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.WatchPolicy;
import dev.jobmonitor.watch.WatchState;
import dev.jobmonitor.watch.WatchedJob;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures what watching many long jobs costs: requests per job per 15 minutes of backend time,
 * live threads and heap. Runs the real client core against the demo backend sped up by
 * {@link #TIME_FACTOR}, with jobs that outlast the run, in the current progress profile (long
 * silences, stream renewed at every stream-timeout). Prints one Markdown table row per size.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.jobmonitor.bench.WatchLoadBenchmark
 * -Dexec.classpathScope=test}
 */
public final class WatchLoadBenchmark {
    private static final double TIME_FACTOR = 0.01;
    /** Backend time each size is watched for: two stream lifetimes of 240 s and a margin. */
    private static final Duration BACKEND_SPAN = Duration.ofMinutes(15);

    private WatchLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("| jobs watched | requests per job per 15 min | live threads | heap used (MB) |");
        System.out.println("|---|---|---|---|");
        for (int jobs : new int[] {1, 10, 50, 100}) {
            System.out.println(run(jobs));
        }
        System.exit(0);
    }

    private static String run(int jobCount) throws Exception {
        Path dataDir = Files.createTempDirectory("watch-bench");
        DemoConfig config = DemoConfig.defaults().toBuilder().port(0).timeFactor(TIME_FACTOR)
                .profile(ProgressProfile.CURRENT).seedData(false).autoJobs(false)
                .jobDuration(Duration.ofHours(2), Duration.ofHours(2)).build();
        try (DemoBackend backend = DemoBackend.start(config);
             HttpClients clients = new HttpClients()) {
            DefaultSignInService signIn = new DefaultSignInService(clients, dataDir,
                    Clock.systemUTC(), WatchPolicy.defaults().scaled(TIME_FACTOR), (server, email) -> List.of(),
                    100_000, Duration.ofMinutes(15));
            try (AccountSession session = signIn.signIn(backend.baseUrl(), DemoBackend.DEMO_EMAIL,
                    DemoBackend.DEMO_PASSWORD.toCharArray()).get(10, TimeUnit.SECONDS)) {
                List<WatchedJob> watches = new ArrayList<>();
                for (int i = 0; i < jobCount; i++) {
                    String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
                    String job = backend.createJob(List.of(audience), JobOutcome.SUCCESS,
                            ProgressProfile.CURRENT);
                    watches.add(session.watch(job));
                }
                awaitAllLive(watches);
                backend.resetRequestCounts();
                long spanMillis = Math.round(BACKEND_SPAN.toMillis() * TIME_FACTOR);
                // The measured span itself: backend time passes while the client runs.
                TimeUnit.MILLISECONDS.sleep(spanMillis);
                int requests = backend.requestCounts().values().stream().mapToInt(Integer::intValue).sum();
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                return String.format(Locale.ROOT, "| %d | %.1f | %d | %d |", jobCount,
                        requests / (double) jobCount, threads, heap / (1024 * 1024));
            }
        }
    }

    private static void awaitAllLive(List<WatchedJob> watches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (watches.stream().anyMatch(w -> w.snapshot().state() != WatchState.LIVE)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every watch went live within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
