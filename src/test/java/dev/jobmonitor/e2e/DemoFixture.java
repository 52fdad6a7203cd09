package dev.jobmonitor.e2e;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.WatchPolicy;
import dev.jobmonitor.watch.WatchedJob;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A demo backend sped up by {@link #TIME_FACTOR} and a signed-in session of the real client
 * core against it, for end-to-end tests.
 */
final class DemoFixture implements AutoCloseable {
    /** A 30 to 60 s demo job takes 0.6 to 1.2 s; a 15 s keepalive comes every 0.3 s. */
    static final double TIME_FACTOR = 0.02;

    final DemoBackend backend;
    final HttpClients clients = new HttpClients();
    final AccountSession session;

    DemoFixture(ProgressProfile profile, Path dataDir) throws Exception {
        this(DemoConfig.defaults().toBuilder().port(0).profile(profile).timeFactor(TIME_FACTOR)
                .seedData(true).autoJobs(false).build(), dataDir);
    }

    DemoFixture(DemoConfig config, Path dataDir) throws Exception {
        backend = DemoBackend.start(config);
        DefaultSignInService signIn = new DefaultSignInService(clients, dataDir, Clock.systemUTC(),
                WatchPolicy.defaults().scaled(TIME_FACTOR), (server, email) -> List.of());
        session = signIn.signIn(backend.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD.toCharArray()).get(10, TimeUnit.SECONDS);
    }

    /** A new job on fresh audiences of the demo user. */
    String newJob(int strategies, JobOutcome outcome) {
        List<String> audiences = new java.util.ArrayList<>();
        for (int i = 0; i < strategies; i++) {
            audiences.add(backend.createAudience(DemoBackend.DEMO_EMAIL, false));
        }
        return backend.createJob(audiences, outcome, backend.config().profile());
    }

    /** Watches a job and collects every snapshot until its outcome. */
    Recording watch(String jobId) {
        Recording recording = new Recording(session.watch(jobId));
        recording.job.addListener(recording::add);
        return recording;
    }

    @Override
    public void close() throws IOException {
        session.close();
        clients.close();
        backend.close();
    }

    /** Every snapshot one watch published, and a future for its outcome. */
    static final class Recording {
        final WatchedJob job;
        final List<JobSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final CompletableFuture<JobSnapshot> outcome = new CompletableFuture<>();

        Recording(WatchedJob job) {
            this.job = job;
        }

        void add(JobSnapshot snapshot) {
            snapshots.add(snapshot);
            if (snapshot.isFinished()) {
                outcome.complete(snapshot);
            }
        }

        JobSnapshot awaitOutcome() throws Exception {
            return outcome.get(30, TimeUnit.SECONDS);
        }
    }
}
