package dev.jobmonitor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.ui.main.MainViewModel;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.AppPaths;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.KnownJob;
import dev.jobmonitor.watch.KnownJobsStore;
import dev.jobmonitor.watch.WatchPolicy;
import dev.jobmonitor.watch.WatchedJob;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
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
 * Two demo users in one window against the embedded demo backend, and removing and pinning
 * jobs through the real session and its known-jobs file.
 */
@ExtendWith(ApplicationExtension.class)
class AccountsAgainstDemoTest {
    /** Slow enough that a job runs for the whole test, so every watch stays live. */
    private static final double TIME_FACTOR = 0.5;
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dataDir;

    private final HttpClients clients = new HttpClients();
    private Stage stage;
    private DemoBackend backend;
    private DefaultSignInService signIn;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @AfterEach
    void closeWindowAndBackend(FxRobot robot) {
        robot.interact(stage::hide);
        clients.close();
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void twoDemoUsersWatchTheirOwnJobs(FxRobot robot) throws Exception {
        // given the demo user signed in, with a job opened by its id
        startBackend();
        openWindow(robot);
        robot.clickOn("#signInButton");
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        String demoJob = newJob(DemoBackend.DEMO_EMAIL);
        openJob(robot, demoJob);
        waitUntil(() -> jobs.getItems().size() == 1);

        // when the other user is added and opens a job of their own
        addAccount(robot, DemoBackend.OTHER_EMAIL, DemoBackend.OTHER_PASSWORD);
        ComboBox<MainViewModel> accounts = robot.lookup("#accountComboBox").queryAs(ComboBox.class);
        waitUntil(() -> accounts.getItems().size() == 2);
        String otherJob = newJob(DemoBackend.OTHER_EMAIL);
        openJob(robot, otherJob);

        // then both jobs are listed, each under its user, and both are watched live
        waitUntil(() -> jobs.getItems().size() == 2);
        MainViewModel demo = accounts.getItems().get(0);
        MainViewModel other = accounts.getItems().get(1);
        assertTrue(demo.getAccountLabel().startsWith(DemoBackend.DEMO_EMAIL + " \u00b7 127.0.0.1:"),
                demo.getAccountLabel());
        assertTrue(other.getAccountLabel().startsWith(DemoBackend.OTHER_EMAIL + " \u00b7 "),
                other.getAccountLabel());
        assertTrue(demo.ownsJob(job(jobs, demoJob)));
        assertTrue(other.ownsJob(job(jobs, otherJob)));
        waitUntil(() -> job(jobs, demoJob).getProgress() > 0 && job(jobs, otherJob).getProgress() > 0);

        // when the other user's job is removed with Delete
        robot.interact(() -> jobs.getSelectionModel().select(job(jobs, otherJob)));
        robot.clickOn(otherJob.substring(0, 8)).type(KeyCode.DELETE);

        // then only the other user's known-jobs file remembers the removal
        waitUntil(() -> jobs.getItems().size() == 1);
        Path otherFile = knownJobsFile(other.getSession());
        waitUntil(() -> KnownJobsStore.open(otherFile).dismissed().equals(List.of(otherJob)));
        assertEquals(List.of(), KnownJobsStore.open(otherFile).list());
        KnownJobsStore demoStore = KnownJobsStore.open(knownJobsFile(demo.getSession()));
        assertEquals(List.of(demoJob), demoStore.list().stream().map(KnownJob::jobId).toList());
    }

    @Test
    void removedJobIsNotDiscoveredAgain() throws Exception {
        // given a session that discovered the running seed job on its audiences
        backend = DemoBackend.start(DemoConfig.defaults().toBuilder().port(0)
                .profile(ProgressProfile.DOCUMENTED).timeFactor(TIME_FACTOR)
                .seedData(true).autoJobs(false).build());
        signIn = newSignInService();
        AccountSession session = signIn(DemoBackend.DEMO_EMAIL, DemoBackend.DEMO_PASSWORD);
        String bundle = backend.seedJobIds().get(0);
        String single = backend.seedJobIds().get(1);
        session.loadAudiences().get(10, TimeUnit.SECONDS);
        assertTrue(knownIds(session).contains(bundle));
        WatchedJob watched = session.watch(bundle);

        // when the job is removed and another pinned, and the audiences load again
        session.removeJobs(List.of(bundle)).get(10, TimeUnit.SECONDS);
        session.openJob(single).get(10, TimeUnit.SECONDS);
        session.setPinned(single, true).get(10, TimeUnit.SECONDS);
        session.loadAudiences().get(10, TimeUnit.SECONDS);

        // then discovery does not bring it back, and its watch was dropped
        assertTrue(!knownIds(session).contains(bundle), knownIds(session).toString());
        assertNotSame(watched, session.watch(bundle), "the removed job's watch was stopped");
        session.close();

        // when the user signs in again later
        AccountSession again = signIn(DemoBackend.DEMO_EMAIL, DemoBackend.DEMO_PASSWORD);
        again.loadAudiences().get(10, TimeUnit.SECONDS);

        // then the removal and the pin are still there
        assertTrue(!knownIds(again).contains(bundle), knownIds(again).toString());
        assertTrue(again.knownJobs().stream()
                .anyMatch(job -> job.jobId().equals(single) && job.pinned()));
        again.close();
    }

    private void startBackend() throws Exception {
        backend = DemoBackend.start(DemoConfig.defaults().toBuilder()
                .port(0)
                .timeFactor(TIME_FACTOR)
                .profile(ProgressProfile.DOCUMENTED)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(1))
                .jobDuration(Duration.ofSeconds(120), Duration.ofSeconds(120))
                .build());
    }

    private DefaultSignInService newSignInService() {
        return new DefaultSignInService(clients, dataDir, Clock.systemUTC(),
                WatchPolicy.defaults().scaled(TIME_FACTOR), (server, email) -> List.of());
    }

    private AccountSession signIn(String email, String password) throws Exception {
        return signIn.signIn(backend.baseUrl(), email, password.toCharArray())
                .get(10, TimeUnit.SECONDS);
    }

    private String newJob(String ownerEmail) {
        String audience = backend.createAudience(ownerEmail, false);
        return backend.createJob(List.of(audience), JobOutcome.SUCCESS, ProgressProfile.DOCUMENTED);
    }

    private void openWindow(FxRobot robot) {
        signIn = newSignInService();
        UiOptions options = new UiOptions(signIn, backend.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD, "Demo backend running at " + backend.baseUrl(),
                Clock.systemUTC());
        robot.interact(() -> MainWindow.show(stage, options));
    }

    private Path knownJobsFile(AccountSession session) {
        URI server = session.serverUrl();
        return AppPaths.accountDir(dataDir, server, session.user().id())
                .resolve("known-jobs.json");
    }

    private static void addAccount(FxRobot robot, String email, String password)
            throws TimeoutException {
        robot.clickOn("#addAccountButton");
        waitUntil(() -> robot.lookup("#emailField").tryQuery().isPresent());
        TextField emailField = robot.lookup("#emailField").queryAs(TextField.class);
        TextField passwordField = robot.lookup("#passwordField").queryAs(TextField.class);
        robot.interact(() -> {
            emailField.setText(email);
            passwordField.setText(password);
        });
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#emailField").tryQuery().isEmpty());
    }

    private static void openJob(FxRobot robot, String jobId) {
        TextField field = robot.lookup("#openJobField").queryAs(TextField.class);
        robot.interact(() -> field.setText(jobId));
        robot.clickOn("#openJobButton");
    }

    private static List<String> knownIds(AccountSession session) {
        return session.knownJobs().stream().map(KnownJob::jobId).toList();
    }

    private static JobViewModel job(TableView<JobViewModel> jobs, String jobId) {
        return jobs.getItems().stream().filter(job -> job.getJobId().equals(jobId))
                .findFirst().orElseThrow();
    }

    private static TableView<JobViewModel> waitForJobsTable(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        return robot.lookup("#jobsTable").query();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
