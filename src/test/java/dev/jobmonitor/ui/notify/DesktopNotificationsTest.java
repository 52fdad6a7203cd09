package dev.jobmonitor.ui.notify;

import static dev.jobmonitor.ui.fakes.TestData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.settings.MemoryPreferences;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeSignInService;
import dev.jobmonitor.ui.fakes.FakeWatchedJob;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.ui.fakes.RecordingNotifier;
import dev.jobmonitor.ui.fakes.SnapshotBuilder;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.ui.help.HelpActions;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.Diagnostics;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.WatchState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DesktopNotificationsTest {
    private static final String RUNNING_JOB = "7c1d2e3f-aaaa-bbbb-cccc-000000000001";
    private static final String OTHER_JOB = "7c1d2e3f-aaaa-bbbb-cccc-000000000002";

    private final FakeSignInService signIn = new FakeSignInService();
    private final FakeAccountSession session = new FakeAccountSession();
    private final MutableClock clock = new MutableClock(T0);
    private final Settings settings = new Settings(new MemoryPreferences());
    private final RecordingNotifier notifier = new RecordingNotifier();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        session.addAudience(TestData.audience("aud-2", "Indie bookshops", List.of(), null));
        session.addKnownJob(TestData.job(OTHER_JOB, "aud-2"));
        session.addKnownJob(TestData.job(RUNNING_JOB, "aud-2"));
        HelpActions help = new HelpActions(new Diagnostics("Job Monitor", () -> "test",
                Path.of("data"), Path.of("logs"), List::of), folder -> { });
        MainWindow.show(stage, new UiOptions(signIn, "http://127.0.0.1:8080",
                "demo@example.test", FakeAccountSession.PASSWORD, null, clock, settings),
                notifier, help);
    }

    @BeforeEach
    void signIn(FxRobot robot) throws TimeoutException {
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);
        CompletableFuture.runAsync(() -> signIn.lastCall().result().complete(session));
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        waitUntil(() -> jobsTable(robot).getItems().size() == 2);
    }

    @Test
    void outcomeNotifiesOnceAcrossRepeats(FxRobot robot) throws TimeoutException {
        // given a job seen running
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(60).lastUpdate(T0).build());

        // when the outcome arrives from the stream, then again from a status poll
        JobSnapshot succeeded = SnapshotBuilder.running(RUNNING_JOB).outcome(WatchState.SUCCEEDED,
                TestData.result(TestData.succeeded("aud-2", 3))).build();
        watched.publish(succeeded);
        waitUntil(() -> notifier.notices().size() == 1);
        watched.publish(succeeded.withNotice("Finished (from a status poll)"));
        WaitForAsyncUtils.waitForFxEvents();

        // and the job is selected away and back, which renders its detail again
        TableView<JobViewModel> jobs = jobsTable(robot);
        robot.interact(() -> jobs.getSelectionModel().select(jobFor(jobs, OTHER_JOB)));
        robot.interact(() -> jobs.getSelectionModel().select(jobFor(jobs, RUNNING_JOB)));
        watched.publish(succeeded);
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertEquals(1, notifier.notices().size());
        DesktopNotice notice = notifier.notices().get(0);
        assertEquals(DesktopNotice.Kind.SUCCEEDED, notice.kind());
        assertEquals(RUNNING_JOB, notice.jobId());
        assertEquals("Job 7c1d2e3f succeeded", notice.title());
        assertEquals("Audiences: Indie bookshops. Click to show the job.", notice.text());
    }

    @Test
    void newAttemptGetsItsOwnNotification(FxRobot robot) throws TimeoutException {
        // given a failed attempt, announced
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(10).lastUpdate(T0).build());
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).failed("AI provider timed out", null)
                .build());
        waitUntil(() -> notifier.notices().size() == 1);

        // when the retried attempt runs and partly fails
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2).progress(10)
                .lastUpdate(T0).build());
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2)
                .outcome(WatchState.PARTLY_FAILED, TestData.result(
                        TestData.succeeded("aud-1", 3), TestData.failed("aud-2", "timeout")))
                .build());

        // then
        waitUntil(() -> notifier.notices().size() == 2);
        assertEquals(DesktopNotice.Kind.FAILED, notifier.notices().get(0).kind());
        assertEquals(DesktopNotice.Kind.PARTLY_FAILED, notifier.notices().get(1).kind());
    }

    @Test
    void globalSwitchInViewMenuSilencesAll(FxRobot robot) throws TimeoutException {
        // when the View menu's check item is switched off by its shortcut
        robot.press(KeyCode.SHORTCUT, KeyCode.ALT, KeyCode.N)
                .release(KeyCode.N, KeyCode.ALT, KeyCode.SHORTCUT);
        waitUntil(() -> !settings.notificationsEnabled());

        // and a watched job succeeds
        finishRunningJob();

        // then the window shows its toast but no desktop notification
        waitUntil(() -> robot.lookup(".toast").tryQuery().isPresent());
        assertEquals(List.of(), notifier.notices());
    }

    @Test
    void settingChangedElsewhereSilencesAll(FxRobot robot) throws TimeoutException {
        // when the settings dialog switches notifications off
        robot.interact(() -> settings.setNotificationsEnabled(false));

        // and a watched job succeeds
        finishRunningJob();

        // then
        waitUntil(() -> robot.lookup(".toast").tryQuery().isPresent());
        assertEquals(List.of(), notifier.notices());
    }

    @Test
    void notifyMeOffSilencesThatJob(FxRobot robot) throws Exception {
        // given the running job's detail
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(60).lastUpdate(T0).build());
        robot.interact(() -> jobsTable(robot).getSelectionModel()
                .select(jobFor(jobsTable(robot), RUNNING_JOB)));
        waitUntil(() -> robot.lookup("#notifyCheckBox").tryQuery().isPresent());
        CheckBox notifyMe = robot.lookup("#notifyCheckBox").queryAs(CheckBox.class);
        assertTrue(notifyMe.isSelected());

        // when "Notify me" is switched off
        robot.clickOn(notifyMe);

        // then it is saved for the job
        waitUntil(() -> !notifyMe.isSelected());
        assertEquals(List.of(RUNNING_JOB), List.of(settings.node()
                .node(DesktopNotifications.MUTED_JOBS_NODE).keys()));

        // when the job and another one finish
        finishRunningJob();
        FakeWatchedJob other = session.watchOf(OTHER_JOB);
        other.publish(SnapshotBuilder.running(OTHER_JOB).progress(5).lastUpdate(T0).build());
        other.publish(SnapshotBuilder.running(OTHER_JOB).failed("Cancelled", null).build());

        // then only the other job notifies
        waitUntil(() -> notifier.notices().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, notifier.notices().size());
        assertEquals(OTHER_JOB, notifier.notices().get(0).jobId());
    }

    @Test
    void jobMenuItemSwitchesSelectedJob(FxRobot robot) throws TimeoutException {
        // given the running job's detail
        robot.interact(() -> jobsTable(robot).getSelectionModel()
                .select(jobFor(jobsTable(robot), RUNNING_JOB)));
        waitUntil(() -> robot.lookup("#notifyCheckBox").tryQuery().isPresent());
        CheckBox notifyMe = robot.lookup("#notifyCheckBox").queryAs(CheckBox.class);
        JobViewModel job = jobFor(jobsTable(robot), RUNNING_JOB);

        // when the Job menu's check item is switched by its shortcut
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.M)
                .release(KeyCode.M, KeyCode.SHIFT, KeyCode.SHORTCUT);

        // then the job and its detail follow, and back again
        waitUntil(() -> !job.isNotify());
        assertFalse(notifyMe.isSelected());
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.M)
                .release(KeyCode.M, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitUntil(job::isNotify);
        assertTrue(notifyMe.isSelected());
    }

    @Test
    void stuckAttemptNotifiesOnce(FxRobot robot) throws TimeoutException {
        // given a retried attempt that stays queued
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2).queued(T0, false).build());

        // when it is flagged stuck, reported again, lost by a reconnect and flagged again
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2).queued(T0, true).build());
        waitUntil(() -> notifier.notices().size() == 1);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2).queued(T0, true)
                .notice("Polling").build());
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2).queued(T0, false).build());
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2).queued(T0, true).build());
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertEquals(1, notifier.notices().size());
        DesktopNotice notice = notifier.notices().get(0);
        assertEquals(DesktopNotice.Kind.STUCK_IN_QUEUE, notice.kind());
        assertEquals("Job 7c1d2e3f needs attention", notice.title());
        assertTrue(notice.text().contains("after Retry"), notice.text());
    }

    @Test
    void sessionExpiryNotifiesOncePerEpisode(FxRobot robot) throws TimeoutException {
        // when the session expires, and the expiry is reported again
        session.expire();
        waitUntil(() -> notifier.notices().size() == 1);
        session.expire();
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertEquals(1, notifier.notices().size());
        assertEquals(DesktopNotice.Kind.SESSION_EXPIRED, notifier.notices().get(0).kind());
        assertNull(notifier.notices().get(0).jobId());

        // when the user signs in again and the session expires once more
        PasswordField password = robot.lookup("#sessionPasswordField").queryAs(PasswordField.class);
        robot.interact(() -> password.setText(FakeAccountSession.PASSWORD));
        robot.clickOn("#sessionSignInButton");
        waitUntil(() -> !robot.lookup("#sessionBanner").query().isVisible());
        session.expire();

        // then the new episode notifies
        waitUntil(() -> notifier.notices().size() == 2);
    }

    @Test
    void clickShowsWindowAndSelectsJob(FxRobot robot) throws TimeoutException {
        // given the other job selected, an outcome of the running job, and the window minimized
        TableView<JobViewModel> jobs = jobsTable(robot);
        robot.interact(() -> jobs.getSelectionModel().select(jobFor(jobs, OTHER_JOB)));
        finishRunningJob();
        waitUntil(() -> notifier.notices().size() == 1);
        robot.interact(() -> stage.setIconified(true));
        assertTrue(stage.isIconified());

        // when
        robot.interact(() -> notifier.clickFx(0));

        // then
        waitUntil(() -> !stage.isIconified());
        waitUntil(() -> jobs.getSelectionModel().getSelectedItem() != null
                && RUNNING_JOB.equals(jobs.getSelectionModel().getSelectedItem().getJobId()));
    }

    private void finishRunningJob() {
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(60).lastUpdate(T0).build());
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).outcome(WatchState.SUCCEEDED,
                TestData.result(TestData.succeeded("aud-2", 3))).build());
    }

    private static JobViewModel jobFor(TableView<JobViewModel> jobs, String jobId) {
        return jobs.getItems().stream().filter(job -> job.getJobId().equals(jobId))
                .findFirst().orElseThrow();
    }

    private static TableView<JobViewModel> jobsTable(FxRobot robot) {
        return robot.lookup("#jobsTable").query();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
