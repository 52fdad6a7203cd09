package dev.jobmonitor.app;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.settings.PollingOptions;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.help.HelpActions;
import dev.jobmonitor.ui.notify.ControlsFxNotifier;
import dev.jobmonitor.watch.AppPaths;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.KeyringCredentialStore;
import dev.jobmonitor.watch.WatchPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the window, with the embedded demo backend when no server was given. */
final class GuiWiring {
    private static final Logger LOGGER = LoggerFactory.getLogger(GuiWiring.class);
    /** How long closing the window waits for the sessions to stop their watches. */
    private static final Duration SESSION_CLOSE_TIMEOUT = Duration.ofSeconds(3);
    /**
     * Maximum time the keyring may take to respond at start. gnome-keyring 42 over D-Bus took 1
     * to 2 s on a 2-core test machine. A keyring that never responds only hides "Keep me signed
     * in".
     */
    private static final Duration KEYRING_PROBE_TIMEOUT = Duration.ofSeconds(5);

    private GuiWiring() {
    }

    /** Starts the JavaFX toolkit and shows the window; returns at once. */
    static void open(Options options) {
        Path dataDir = options.dataDir != null ? options.dataDir : AppPaths.defaultDataDir();
        HttpClients clients = new HttpClients();
        DemoWiring demo = options.server == null ? DemoWiring.start(options) : null;
        Settings settings = Settings.forCurrentUser();
        // The embedded demo's accounts live apart, in a folder emptied at each start.
        Path accountsDir = demo != null ? DemoWiring.freshDataDir(dataDir) : dataDir;
        DefaultSignInService signIn = new DefaultSignInService(clients, accountsDir,
                Clock.systemUTC(),
                () -> watchPolicy(settings, demo),
                (server, email) -> demo != null ? demo.seedJobsFor(server, email) : List.of())
                .allowPlainHttp(server -> settings.isInsecureAllowed(server.toString()))
                .rememberWith(KeyringCredentialStore.probe(KEYRING_PROBE_TIMEOUT));
        // The window shows times of day in the user's zone, as the watches' notices do.
        Clock uiClock = Clock.systemDefaultZone();
        UiOptions ui = demo != null
                ? new UiOptions(signIn, demo.baseUrl(), demo.email(), demo.password(),
                        "Demo backend running at " + demo.baseUrl(), uiClock, settings)
                : new UiOptions(signIn, options.server, options.email, null, null, uiClock,
                        settings);

        try {
            startToolkit(options, dataDir, clients, demo, ui);
        } catch (UnsupportedOperationException e) {
            // JavaFX's GTK platform throws this when it finds no display.
            LOGGER.error("Cannot open the window: {}", e.getMessage());
            clients.close();
            if (demo != null) {
                demo.close();
            }
            throw new Options.UsageException("Cannot open the window: " + e.getMessage()
                    + ". Start Job Monitor in a desktop session or under xvfb-run, or use"
                    + " --watch JOB_ID to follow a job in the console.");
        }
    }

    private static void startToolkit(Options options, Path dataDir, HttpClients clients,
                                     DemoWiring demo, UiOptions ui) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            StartupTiming.reportFirstFrame(stage);
            if (options.smokeTest) {
                SmokeTest.start(stage, SmokeTest.DEFAULT_TIMEOUT, smokeTestListener(stage));
            }
            MainWindow window = MainWindow.show(stage, ui, new ControlsFxNotifier(stage),
                    HelpActions.forDataFolder(dataDir));
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN,
                    event -> shutDown(window.closeSessionsFx(), clients, demo));
        });
    }

    /** Builds the policy for the next sign-in, with the polling intervals the user saved. */
    static WatchPolicy watchPolicy(Settings settings, DemoWiring demo) {
        PollingOptions polling = settings.polling();
        WatchPolicy policy = WatchPolicy.defaults().withPolling(polling.first(), polling.max());
        return demo != null ? demo.scaleToDemoSpeed(policy) : policy;
    }

    /** Exits 0 through the normal shutdown when the smoke test passes, 1 when it fails. */
    private static SmokeTest.Listener smokeTestListener(Stage stage) {
        return new SmokeTest.Listener() {
            @Override
            public void passed(String summary) {
                System.out.println("Smoke test passed: " + summary);
                stage.hide();
            }

            @Override
            public void failed(String reason) {
                System.err.println("Smoke test failed: " + reason);
                System.exit(1);
            }
        };
    }

    /**
     * Exits once the sessions have closed, so no watch polls through a closed HTTP client or
     * reconnects to the stopped demo backend on the way out. Waits at most
     * {@link #SESSION_CLOSE_TIMEOUT} off the FX thread.
     */
    private static void shutDown(CompletableFuture<Void> sessionsClosed, HttpClients clients,
                                 DemoWiring demo) {
        LOGGER.info("Window closed; shutting down");
        Thread exit = new Thread(() -> {
            try {
                sessionsClosed.get(SESSION_CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOGGER.warn("Sessions still closing after {}; exiting anyway",
                        SESSION_CLOSE_TIMEOUT);
            } catch (ExecutionException e) {
                LOGGER.warn("Closing the sessions failed; exiting anyway", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clients.close();
            if (demo != null) {
                demo.close();
            }
            Platform.exit();
            // OkHttp and the demo backend may still hold threads for a moment; the window is gone.
            System.exit(0);
        }, "shutdown");
        exit.start();
    }
}
