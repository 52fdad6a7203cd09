package dev.jobmonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.watch.DefaultSignInService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The {@code --smoke-test} check against the window and the demo wiring that the app uses. */
@ExtendWith(ApplicationExtension.class)
class SmokeTestTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final HttpClients clients = new HttpClients();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private DemoWiring demo;
    private Stage stage;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @BeforeEach
    void startDemo() {
        demo = DemoWiring.start(Options.parse(new String[] {"--time-factor", "0.05"}));
    }

    @AfterEach
    void closeWindowAndDemo(FxRobot robot) {
        robot.interact(stage::hide);
        clients.close();
        demo.close();
    }

    @Test
    void passesOnceJobsAreListed(FxRobot robot) throws Exception {
        robot.interact(() -> {
            SmokeTest.start(stage, TIMEOUT, recorder());
            MainWindow.show(stage, options(demo.password()));
        });

        String outcome = result.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);

        assertTrue(outcome.startsWith("passed: first frame rendered and "), outcome);
    }

    @Test
    void failsWhenSignInFails(FxRobot robot) throws Exception {
        robot.interact(() -> {
            SmokeTest.start(stage, TIMEOUT, recorder());
            MainWindow.show(stage, options("wrong-password"));
        });

        String outcome = result.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);

        assertTrue(outcome.startsWith("failed: sign-in failed: "), outcome);
    }

    @Test
    void failsWithoutJobsTable(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setScene(new Scene(new StackPane(), 200, 100));
            stage.show();
            SmokeTest.start(stage, Duration.ofMillis(500), recorder());
        });

        String outcome = result.get(10, TimeUnit.SECONDS);

        assertEquals("failed: timed out after 500 ms: first frame rendered, sign-in not started,"
                + " jobs table not shown", outcome);
    }

    private UiOptions options(String password) {
        DefaultSignInService signIn = new DefaultSignInService(clients, dataDir, Clock.systemUTC(),
                demo.watchPolicy(), demo::seedJobsFor);
        return new UiOptions(signIn, demo.baseUrl(), demo.email(), password, null,
                Clock.systemUTC());
    }

    private SmokeTest.Listener recorder() {
        return new SmokeTest.Listener() {
            @Override
            public void passed(String summary) {
                result.complete("passed: " + summary);
            }

            @Override
            public void failed(String reason) {
                result.complete("failed: " + reason);
            }
        };
    }
}
