package dev.jobmonitor.app;

import dev.jobmonitor.about.AppInfo;
import dev.jobmonitor.api.BackendClient;
import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.watch.AppPaths;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.PlainHttpPolicy;
import dev.jobmonitor.watch.WatchPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point. A plain class rather than the JavaFX {@code Application}, so the app runs on the
 * class path without module flags. Chooses between the window, the console watch mode and the
 * demo backend alone.
 */
public final class Launcher {
    private static final Logger LOGGER = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the command line; returns the exit code, or -1 when the window was opened and the
     * process must stay alive until it closes.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            err.println(e.getMessage());
            return WatchCommand.EXIT_ERROR;
        }
        if (options.help) {
            out.println(Options.USAGE);
            return 0;
        }
        if (options.version) {
            out.println(AppInfo.load().nameAndVersion());
            return 0;
        }
        try {
            if (options.demoServer) {
                return DemoWiring.serveUntilInterrupted(options);
            }
            if (options.watchJobId != null) {
                return watch(options, out, err);
            }
            if (options.smokeTest && options.server != null) {
                throw new Options.UsageException(
                        "--smoke-test runs against the embedded demo backend; remove --server");
            }
            GuiWiring.open(options);
            return -1;
        } catch (Options.UsageException e) {
            err.println(e.getMessage());
            return WatchCommand.EXIT_ERROR;
        }
    }

    private static int watch(Options options, PrintStream out, PrintStream err) {
        Path dataDir = options.dataDir != null ? options.dataDir : AppPaths.defaultDataDir();
        try (HttpClients clients = new HttpClients()) {
            if (options.server != null) {
                if (options.email == null || options.passwordFile == null) {
                    throw new Options.UsageException(
                            "--watch with --server needs --email and --password-file");
                }
                requireEncryptedUnlessAllowed(options);
                DefaultSignInService signIn = new DefaultSignInService(clients, dataDir,
                        Clock.systemUTC(), WatchPolicy.defaults(), (server, email) -> List.of())
                        .allowPlainHttp(server -> options.allowHttp);
                String jobId = requireJobId(options.watchJobId);
                return command(signIn, options, out, err).run(options.server, options.email,
                        readPassword(options.passwordFile), jobId);
            }
            try (DemoWiring demo = DemoWiring.start(options)) {
                DefaultSignInService signIn = new DefaultSignInService(clients,
                        DemoWiring.freshDataDir(dataDir), Clock.systemUTC(), demo.watchPolicy(),
                        (server, email) -> List.of());
                String jobId = requireJobId(demo.resolveJobAlias(options.watchJobId));
                err.println("Demo backend at " + demo.baseUrl() + "; watching job " + jobId);
                return command(signIn, options, out, err).run(demo.baseUrl(), demo.email(),
                        demo.password().toCharArray(), jobId);
            }
        }
    }

    private static WatchCommand command(DefaultSignInService signIn, Options options,
                                        PrintStream out, PrintStream err) {
        return new WatchCommand(signIn, out, err, Clock.systemUTC(),
                Duration.ofSeconds(options.giveUpAfterSeconds));
    }

    /**
     * Rejects a plain-HTTP server other than loopback before anything is sent, unless
     * --allow-http is given. The sign-in service checks the same rule; this adds the option's name.
     */
    private static void requireEncryptedUnlessAllowed(Options options) {
        URI server;
        try {
            server = BackendClient.parseServerUrl(options.server);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
        Optional<String> host = PlainHttpPolicy.hostRequiringConsent(server);
        if (host.isPresent() && !options.allowHttp) {
            throw new Options.UsageException("Refusing plain http:// to " + host.get()
                    + ": the password and tokens would cross the network unencrypted. Use"
                    + " https://, or add --allow-http if you accept that on this network.");
        }
    }

    /** Checks that a job id has the backend's UUID form, so a typo fails at once. */
    private static String requireJobId(String jobId) {
        try {
            UUID.fromString(jobId);
            if (jobId.length() == 36) {
                return jobId;
            }
        } catch (IllegalArgumentException e) {
            LOGGER.debug("Job id {} is not a UUID", jobId, e);
        }
        throw new Options.UsageException("Invalid job id '" + jobId + "': expected a UUID such as"
                + " 9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d (or demo-success / demo-failure with the"
                + " demo backend)");
    }

    private static char[] readPassword(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new Options.UsageException("Password file " + file + " is empty");
            }
            return lines.get(0).toCharArray();
        } catch (NoSuchFileException e) {
            throw new Options.UsageException("Password file " + file + " not found");
        } catch (IOException e) {
            LOGGER.debug("Cannot read password file {}", file, e);
            throw new Options.UsageException("Cannot read password file " + file + ": " + e);
        }
    }
}
