package dev.jobmonitor.app;

import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.demo.RateLimit;
import dev.jobmonitor.watch.WatchPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded demo backend from the command-line options and exposes its address. */
final class DemoWiring implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(DemoWiring.class);
    /** Folder inside the data folder that contains the embedded demo's accounts. */
    static final String DATA_FOLDER = "embedded-demo";

    private final DemoBackend backend;

    private DemoWiring(DemoBackend backend) {
        this.backend = backend;
    }

    /** Starts the demo backend on the given port, or a free one. */
    static DemoWiring start(Options options) {
        int port = options.port != null ? options.port : 0;
        return start(options, port);
    }

    private static DemoWiring start(Options options, int port) {
        ProgressProfile profile;
        try {
            profile = ProgressProfile.parse(options.profile);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
        DemoConfig.Builder config;
        try {
            config = DemoConfig.defaults().toBuilder()
                    .port(port)
                    .profile(profile)
                    .timeFactor(options.timeFactor)
                    .scenario(options.scenario);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
        if (options.rateLimit) {
            config.rateLimit(RateLimit.production());
        }
        try {
            return new DemoWiring(DemoBackend.start(config.build()));
        } catch (IOException e) {
            throw new Options.UsageException("Cannot start the demo backend on port " + port + ": "
                    + e.getMessage());
        }
    }

    /** Runs only the demo backend until the process is interrupted; returns the exit code. */
    static int serveUntilInterrupted(Options options) {
        int port = options.port != null ? options.port : DEFAULT_SERVER_PORT;
        DemoWiring demo = start(options, port);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "demo-backend-shutdown"));
        System.out.println("Demo backend listening on " + demo.baseUrl()
                + "; sign in as " + demo.email() + " / " + demo.password() + ". Stop with Ctrl+C.");
        System.out.println("Seed jobs: " + String.join(", ", demo.seedJobIds()));
        try {
            demo.backend.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    String baseUrl() {
        return backend.baseUrl();
    }

    String email() {
        return DemoBackend.DEMO_EMAIL;
    }

    String password() {
        return DemoBackend.DEMO_PASSWORD;
    }

    List<String> seedJobIds() {
        return backend.seedJobIds();
    }

    /**
     * Returns the seed jobs for a session of the demo user on this backend. The other demo user
     * does not own them, so its sessions get none, and neither do other servers.
     */
    List<String> seedJobsFor(URI server, String email) {
        boolean demoUser = DemoBackend.DEMO_EMAIL.equalsIgnoreCase(email);
        return demoUser && URI.create(baseUrl()).equals(server) ? seedJobIds() : List.of();
    }

    /**
     * The watch policy matched to the demo's speed: a demo sped up by the time factor sends
     * keepalives sooner, and a slowed one later, so the client's timings scale the same way.
     */
    WatchPolicy watchPolicy() {
        return scaleToDemoSpeed(WatchPolicy.defaults());
    }

    /** Scales {@code policy} by the demo's time factor, as {@link #watchPolicy()} does. */
    WatchPolicy scaleToDemoSpeed(WatchPolicy policy) {
        double factor = backend.config().timeFactor();
        return factor == 1.0 ? policy : policy.scaled(factor);
    }

    /**
     * Turns {@code demo-success} or {@code demo-failure} into a new job of that outcome on a
     * fresh demo audience; any other id is returned as it is.
     */
    String resolveJobAlias(String jobId) {
        JobOutcome outcome;
        if (ALIAS_SUCCESS.equals(jobId)) {
            outcome = JobOutcome.SUCCESS;
        } else if (ALIAS_FAILURE.equals(jobId)) {
            outcome = JobOutcome.JOB_FAILURE;
        } else {
            return jobId;
        }
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        String created = backend.createJob(List.of(audience), outcome, backend.config().profile());
        LOGGER.info("Created demo job {} with outcome {}", created, outcome);
        return created;
    }

    @Override
    public void close() {
        backend.close();
    }

    /**
     * Empties and returns the embedded demo's own data folder inside {@code dataDir}. Each start
     * simulates a new backend whose jobs, apart from the seeded ones, differ from the last run's,
     * so jobs kept from then would only show as not found. Other accounts are left alone.
     */
    static Path freshDataDir(Path dataDir) {
        Path demoDir = dataDir.resolve(DATA_FOLDER);
        if (Files.isDirectory(demoDir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                deleteTree(demoDir);
                LOGGER.info("Removed the demo data of an earlier run in {}", demoDir);
            } catch (IOException | UncheckedIOException e) {
                LOGGER.warn("Could not remove the demo data of an earlier run in {}", demoDir, e);
            }
        }
        return demoDir;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
    /** Port of {@code --demo-server} when none is given, so curl users have a fixed address. */
    static final int DEFAULT_SERVER_PORT = 8080;
    static final String ALIAS_SUCCESS = "demo-success";
    static final String ALIAS_FAILURE = "demo-failure";
}
