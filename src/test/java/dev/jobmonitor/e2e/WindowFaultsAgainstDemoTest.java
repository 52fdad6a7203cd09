package dev.jobmonitor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.demo.RateLimit;
import dev.jobmonitor.demo.StreamFault;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.WatchPolicy;
import dev.jobmonitor.watch.WatchState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window and client core against the demo backend when the backend misbehaves: an
 * expired session, the server's request limit, and a retried job the backend never runs.
 * Each test signs in, creates a job through the demo's control API and opens it by its id.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFaultsAgainstDemoTest {
    /** A 100 s run takes 5 s, and the backend's request window of one minute 3 s. */
    private static final double TIME_FACTOR = 0.05;
    /** Maximum wait for one condition. */
    private static final long WAIT_SECONDS = 20;
    private static final Pattern LIMIT_TEXT = Pattern.compile("Waiting for the server's request"
            + " limit until \\d\\d:\\d\\d:\\d\\d \u2014 updates are slower until then\\..*");

    @TempDir
    Path dataDir;

    private final HttpClients clients = new HttpClients();
    private Stage stage;
    private DemoBackend backend;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @AfterEach
    void closeWindowAndBackend(FxRobot robot) {
        // Hiding the window closes the account session, which stops every watch.
        robot.interact(stage::hide);
        clients.close();
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void expiredSessionPausesJobUntilSignedInAgain(FxRobot robot) throws Exception {
        // given a job followed live with some progress
        startBackend(Duration.ofSeconds(100));
        openWindow(robot, WatchPolicy.defaults().scaled(TIME_FACTOR));
        robot.clickOn("#signInButton");
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        openJob(robot, newJob(JobOutcome.SUCCESS));
        waitUntil(() -> jobs.getItems().size() == 1);
        JobViewModel job = jobs.getItems().get(0);
        waitUntil(() -> job.getProgress() > 0 && job.getConnectionMode() == WatchState.LIVE);
        double progressBefore = job.getProgress();

        // when the backend restarts and rejects every token issued so far, refresh tokens too
        backend.faults().invalidateAccessTokens();
        backend.faults().invalidateRefreshTokens();
        backend.restart();

        // then the banner offers to sign in again, and the job keeps what it showed
        Node banner = robot.lookup("#sessionBanner").query();
        waitUntil(banner::isVisible);
        waitUntil(() -> job.getConnectionMode() == WatchState.PAUSED);
        assertEquals(1, jobs.getItems().size());
        assertEquals("Paused", job.stateTextProperty().get());
        double progressPaused = job.getProgress();
        assertTrue(progressPaused >= progressBefore,
                "progress " + progressBefore + " before, " + progressPaused + " paused");
        assertTrue(progressPaused < 1, "the job still runs, at " + progressPaused);
        ProgressBar rowBar = robot.lookup(".job-row .progress-bar").queryAs(ProgressBar.class);
        assertEquals(progressPaused, rowBar.getProgress());
        assertTrue(!job.stepTextProperty().get().isEmpty(), "the last step stays");

        // when
        backend.faults().clear();
        robot.clickOn("#sessionPasswordField").write(DemoBackend.DEMO_PASSWORD)
                .type(KeyCode.ENTER);

        // then the watch resumes and follows the job to its outcome
        waitUntil(() -> !banner.isVisible());
        waitUntil(() -> job.getConnectionMode() == WatchState.SUCCEEDED);
        assertEquals(1.0, rowBar.getProgress());
    }

    @Test
    void requestLimitWaitShowsInWindow(FxRobot robot) throws Exception {
        // given a job followed live
        startBackend(Duration.ofSeconds(200));
        openWindow(robot, WatchPolicy.defaults().scaled(TIME_FACTOR));
        robot.clickOn("#signInButton");
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        String jobId = newJob(JobOutcome.SUCCESS);
        openJob(robot, jobId);
        waitUntil(() -> jobs.getItems().size() == 1);
        JobViewModel job = jobs.getItems().get(0);
        waitUntil(() -> job.getConnectionMode() == WatchState.LIVE);
        List<String> texts = record(label(robot, "#requestLimitLabel").textProperty(), robot);

        // when the budget is three requests per (scaled) minute, and every stream closes
        // right after its snapshot, so the watch polls and reopens streams
        backend.faults().rateLimit(new RateLimit(3, Duration.ofMinutes(1)));
        backend.faults().onJob(jobId).streamFault(StreamFault.closeAfter(2).forStreams(1000));
        backend.restart();

        // then
        Node bar = robot.lookup("#requestLimitBar").query();
        waitUntil(bar::isVisible);
        String limitText = texts.stream().filter(text -> !text.isEmpty()).findFirst()
                .orElseThrow();
        assertTrue(LIMIT_TEXT.matcher(limitText).matches(), limitText);

        // when the limit is lifted
        backend.faults().clear();

        // then the bar goes once the wait is over
        waitUntil(() -> !bar.isVisible());
    }

    @Test
    void stuckRetrySaysBackendReturnedSameJob(FxRobot robot) throws Exception {
        // given a job that fails, and a backend that leaves its retry queued forever
        startBackend(Duration.ofSeconds(40));
        WatchPolicy scaled = WatchPolicy.defaults().scaled(TIME_FACTOR);
        openWindow(robot, new WatchPolicy(scaled.pollInitial(), scaled.pollMax(),
                scaled.reconnectInitial(), scaled.reconnectMax(), scaled.jitter(),
                scaled.healthyStream(), scaled.idleTimeout(), Duration.ofSeconds(1)));
        robot.clickOn("#signInButton");
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        String jobId = newJob(JobOutcome.JOB_FAILURE);
        backend.faults().onJob(jobId).retryStaysQueued(true);
        openJob(robot, jobId);
        waitUntil(() -> robot.lookup("#retryButton").tryQuery().map(Node::isVisible).orElse(false));
        Button retry = robot.lookup("#retryButton").queryAs(Button.class);
        waitUntil(() -> !retry.isDisabled());

        // when
        robot.clickOn(retry);

        // then the window warns that the retry was probably never run
        waitUntil(() -> robot.lookup("#stuckBox").query().isVisible());
        String stuck = label(robot, "#stuckLabel").getText();
        assertTrue(stuck.matches("Probably not re-run by the backend: queued since \\d\\d:\\d\\d"
                + " after Retry\\."), stuck);

        // when Refresh finds the job's audience and Regenerate requests a new calendar
        robot.clickOn("#refreshButton");
        Button regenerate = robot.lookup("#stuckRegenerateButton").queryAs(Button.class);
        waitUntil(() -> !regenerate.isDisabled());
        robot.clickOn(regenerate);

        // then the backend returns the stuck job, and the window does not pretend otherwise
        Label note = label(robot, "#regenerateNoteLabel");
        waitUntil(note::isVisible);
        assertEquals("The backend returned the same stuck job (id " + jobId.substring(0, 8)
                + "); it has not started a new one. It will accept a new request once the job"
                + " is 30 minutes old.", note.getText());
        assertEquals(1, jobs.getItems().size());
        assertEquals(jobId, jobs.getSelectionModel().getSelectedItem().getJobId());
    }

    private void startBackend(Duration jobDuration) throws IOException {
        backend = DemoBackend.start(DemoConfig.defaults().toBuilder()
                .port(0)
                .timeFactor(TIME_FACTOR)
                .profile(ProgressProfile.DOCUMENTED)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(10))
                .jobDuration(jobDuration, jobDuration)
                .build());
    }

    /** Creates a job in the documented profile over a new audience without a calendar. */
    private String newJob(JobOutcome outcome) {
        String audienceId = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        return backend.createJob(List.of(audienceId), outcome, ProgressProfile.DOCUMENTED);
    }

    private void openWindow(FxRobot robot, WatchPolicy policy) {
        DefaultSignInService signIn = new DefaultSignInService(clients, dataDir,
                Clock.systemUTC(), policy, (server, email) -> List.of());
        UiOptions options = new UiOptions(signIn, backend.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD, null, Clock.systemUTC());
        robot.interact(() -> MainWindow.show(stage, options));
    }

    /** Opens a job through the "Open job" field, which also selects it. */
    private static void openJob(FxRobot robot, String jobId) {
        TextField field = robot.lookup("#openJobField").queryAs(TextField.class);
        robot.interact(() -> field.setText(jobId));
        robot.clickOn("#openJobButton");
    }

    private static TableView<JobViewModel> waitForJobsTable(FxRobot robot)
            throws TimeoutException {
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        return robot.lookup("#jobsTable").query();
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    /** Records the current value of {@code value} and every later one, on the FX thread. */
    private static <T> List<T> record(ObservableValue<T> value, FxRobot robot) {
        List<T> values = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            values.add(value.getValue());
            value.addListener((observable, oldValue, newValue) -> values.add(newValue));
        });
        return values;
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
