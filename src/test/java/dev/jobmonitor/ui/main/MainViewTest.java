package dev.jobmonitor.ui.main;

import static dev.jobmonitor.ui.fakes.TestData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.about.AppInfo;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.audiences.AudienceItem;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeSignInService;
import dev.jobmonitor.ui.fakes.FakeWatchedJob;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.ui.fakes.SnapshotBuilder;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.RequestBudget;
import dev.jobmonitor.watch.WatchState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    private static final String RUNNING_JOB = "7c1d2e3f-aaaa-bbbb-cccc-000000000001";
    private static final String OPENABLE_JOB = "5b6c7d8e-aaaa-bbbb-cccc-000000000010";

    private final FakeSignInService signIn = new FakeSignInService();
    private final FakeAccountSession session = new FakeAccountSession();
    private final MutableClock clock = new MutableClock(T0);
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session.addAudience(TestData.audience("aud-1", "Small bakeries", TestData.ideas("bread", 7),
                "2026-12-01T08:00:00Z"));
        session.addAudience(TestData.audience("aud-2", "Indie bookshops", List.of(), null));
        session.addKnownJob(TestData.job(RUNNING_JOB, "aud-2"));
        session.addOpenableJob(OPENABLE_JOB, List.of("aud-1"));
        window = MainWindow.show(stage, new UiOptions(signIn, "http://127.0.0.1:8080",
                "demo@example.test", "demo1234", null, clock));
    }

    @BeforeEach
    void signIn(FxRobot robot) throws TimeoutException {
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);
        CompletableFuture.runAsync(() -> signIn.lastCall().result().complete(session));
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
    }

    @Test
    void listsAudiencesWithCalendarState(FxRobot robot) throws TimeoutException {
        // given
        ListView<AudienceItem> audiences = audiencesList(robot);
        session.watchOf(RUNNING_JOB).publish(SnapshotBuilder.running(RUNNING_JOB).progress(8)
                .lastUpdate(T0).build());

        // then
        waitUntil(() -> audiences.getItems().size() == 2);
        assertEquals("Small bakeries", audiences.getItems().get(0).getName());
        assertEquals("Calendar generated Dec 1, 2026", audiences.getItems().get(0).getCalendarText());
        assertEquals("Generating…", audiences.getItems().get(1).getCalendarText());
        assertEquals("Signed in as Dana Demo (demo@example.test)",
                robot.lookup("#userLabel").queryAs(Label.class).getText());
    }

    @Test
    void jobFoundAgainOnAudienceGainsItsName(FxRobot robot) throws TimeoutException {
        // given a job known without audiences, as the demo's seed jobs start out
        String seeded = "7c1d2e3f-aaaa-bbbb-cccc-000000000002";
        session.addKnownJob(TestData.job(seeded));
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().stream().anyMatch(job -> job.getJobId().equals(seeded)));
        JobViewModel row = jobs.getItems().stream()
                .filter(job -> job.getJobId().equals(seeded)).findFirst().orElseThrow();

        // when discovery finds it on an audience
        session.addKnownJob(TestData.job(seeded, "aud-1"));

        // then
        waitUntil(() -> "Small bakeries".equals(row.audienceNamesProperty().get()));
    }

    @Test
    void jobRowFollowsItsSnapshots(FxRobot robot) throws TimeoutException {
        // given
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);
        JobViewModel row = jobs.getItems().get(0);

        // when
        session.watchOf(RUNNING_JOB).publish(SnapshotBuilder.running(RUNNING_JOB).progress(41)
                .lastUpdate(T0).build());

        // then
        waitUntil(() -> row.getProgress() == 0.41);
        assertEquals("7c1d2e3f", row.getShortId());
        assertEquals("Live", row.stateTextProperty().get());
        assertEquals("Updated just now", row.lastUpdateTextProperty().get());
        assertEquals("just now", row.updatedAgoTextProperty().get());
        waitUntil(() -> "Indie bookshops".equals(row.audienceNamesProperty().get()));
    }

    @Test
    void jobRowCarriesOutcomeForCss(FxRobot robot) throws TimeoutException {
        // given
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);

        // when
        session.watchOf(RUNNING_JOB).publish(SnapshotBuilder.running(RUNNING_JOB)
                .outcome(WatchState.PARTLY_FAILED, TestData.result(
                        TestData.succeeded("aud-1", 3), TestData.failed("aud-2", "timeout")))
                .build());

        // then the bar and the state dot take the warning colour of theme.css
        waitUntil(() -> robot.lookup(".job-row").queryAll().stream()
                .anyMatch(row -> row.getPseudoClassStates()
                        .contains(PseudoClass.getPseudoClass("partly_failed"))));
        Color warning = Color.web("#b86e00");
        assertEquals(warning, fillOf(robot.lookup(".job-row .progress-bar > .bar").query()));
        assertEquals(warning, fillOf(robot.lookup(".job-row .state-dot").query()));
    }

    private static Paint fillOf(Node node) {
        return ((Region) node).getBackground().getFills().get(0).getFill();
    }

    @Test
    void selectingJobShowsDetail(FxRobot robot) throws TimeoutException {
        // given
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);
        assertTrue(robot.lookup("#detailPlaceholderLabel").tryQuery().isPresent());

        // when
        robot.clickOn("7c1d2e3f");

        // then
        waitUntil(() -> robot.lookup("#jobIdField").tryQuery().isPresent());
        assertEquals(RUNNING_JOB, robot.lookup("#jobIdField").queryAs(TextField.class).getText());
    }

    @Test
    void runningJobIsSelectedAfterSignIn(FxRobot robot) throws TimeoutException {
        // given a newer job that failed beside the running one
        String failedJob = "7c1d2e3f-aaaa-bbbb-cccc-000000000003";
        session.addKnownJob(TestData.job(failedJob));
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 2);

        // when
        session.watchOf(failedJob).publish(SnapshotBuilder.running(failedJob)
                .failed("Connection terminated unexpectedly", "ECONNRESET").build());
        session.watchOf(RUNNING_JOB).publish(SnapshotBuilder.running(RUNNING_JOB).progress(30)
                .build());

        // then
        waitUntil(() -> robot.lookup("#jobIdField").tryQuery().isPresent());
        assertEquals(RUNNING_JOB, robot.lookup("#jobIdField").queryAs(TextField.class).getText());
        assertEquals(RUNNING_JOB, jobs.getSelectionModel().getSelectedItem().getJobId());
    }

    @Test
    void newestJobIsSelectedWhenNoneRuns(FxRobot robot) throws TimeoutException {
        // given
        String failedJob = "7c1d2e3f-aaaa-bbbb-cccc-000000000003";
        session.addKnownJob(TestData.job(failedJob));
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 2);

        // when the older job succeeds first, then the newer one fails
        session.watchOf(RUNNING_JOB).publish(SnapshotBuilder.running(RUNNING_JOB)
                .outcome(WatchState.SUCCEEDED, TestData.result(TestData.succeeded("aud-2", 3)))
                .build());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#detailPlaceholderLabel").tryQuery().isPresent(),
                "nothing is selected while a watch is still connecting");
        session.watchOf(failedJob).publish(SnapshotBuilder.running(failedJob)
                .failed("Connection terminated unexpectedly", "ECONNRESET").build());

        // then
        waitUntil(() -> jobs.getSelectionModel().getSelectedItem() != null);
        assertEquals(failedJob, jobs.getSelectionModel().getSelectedItem().getJobId());
        waitUntil(() -> robot.lookup("#audienceNamesLabel").tryQuery().isPresent());
        assertFalse(robot.lookup("#audienceNamesLabel").query().isVisible(),
                "a job of unknown audiences shows no audience line");
    }

    @Test
    void jobFinishedBeforeOpeningShowsIdeas(FxRobot robot) throws TimeoutException {
        // given
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);
        session.watchOf(RUNNING_JOB).publish(SnapshotBuilder.running(RUNNING_JOB)
                .outcome(WatchState.SUCCEEDED, TestData.result(TestData.succeeded("aud-1", 7)))
                .build());
        waitUntil(() -> jobs.getItems().get(0).isFinished());

        // when
        robot.clickOn("7c1d2e3f");

        // then
        waitUntil(() -> robot.lookup("#ideasTable").tryQuery()
                .map(node -> ((TableView<?>) node).getItems().size() == 7).orElse(false));
    }

    @Test
    void regenerateSelectsNewJob(FxRobot robot) throws TimeoutException {
        // given
        ListView<AudienceItem> audiences = audiencesList(robot);
        waitUntil(() -> audiences.getItems().size() == 2);
        Button regenerate = robot.lookup("#regenerateButton").queryAs(Button.class);
        assertTrue(regenerate.isDisabled());

        // when
        robot.clickOn("Small bakeries");
        robot.clickOn("#regenerateButton");

        // then
        waitUntil(() -> session.requestedCalendars().equals(List.of("aud-1")));
        waitUntil(() -> jobsTable(robot).getSelectionModel().getSelectedItem() != null
                && jobsTable(robot).getSelectionModel().getSelectedItem().getJobId()
                        .equals("job-new-1"));
        waitUntil(() -> audiences.getItems().get(0).isGenerating());
        assertTrue(regenerate.isDisabled(), "a generating audience cannot be regenerated again");
    }

    @Test
    void openJobRequiresId(FxRobot robot) throws TimeoutException {
        // when
        robot.clickOn("#openJobButton");

        // then
        waitUntil(() -> "Enter a job id.".equals(openJobMessage(robot).getText()));
    }

    @Test
    void openJobShowsServerMessageWhenNotFound(FxRobot robot) throws TimeoutException {
        // when
        enterJobId(robot, "5b6c7d8e-aaaa-bbbb-cccc-0000000000ff");
        robot.clickOn("#openJobButton");

        // then
        waitUntil(() -> "Could not open the job: Job not found".equals(openJobMessage(robot).getText()));
    }

    @Test
    void openJobSelectsIt(FxRobot robot) throws TimeoutException {
        // when
        enterJobId(robot, OPENABLE_JOB);
        robot.clickOn("#openJobButton");

        // then
        waitUntil(() -> robot.lookup("#jobIdField").tryQuery()
                .map(node -> ((TextField) node).getText().equals(OPENABLE_JOB)).orElse(false));
        assertFalse(openJobMessage(robot).isVisible());
        assertEquals("", robot.lookup("#openJobField").queryAs(TextField.class).getText());
    }

    @Test
    void openJobRejectsIdThatIsNoUuid(FxRobot robot) throws TimeoutException {
        // when
        robot.clickOn("#openJobField").write("abc").clickOn("#openJobButton");

        // then
        waitUntil(() -> ("\"abc\" is not a job id. Job ids look like "
                + "3f9c2a71-5b8e-4d0a-9c41-2e7d8b6a1f05.").equals(openJobMessage(robot).getText()));
        assertEquals("abc", robot.lookup("#openJobField").queryAs(TextField.class).getText());
    }

    @Test
    void openJobByShortIdSelectsKnownJob(FxRobot robot) throws TimeoutException {
        // given
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);

        // when
        robot.clickOn("#openJobField").write("7C1D2E3F").clickOn("#openJobButton");

        // then
        waitUntil(() -> jobs.getSelectionModel().getSelectedItem() != null);
        assertEquals(RUNNING_JOB, jobs.getSelectionModel().getSelectedItem().getJobId());
        assertFalse(openJobMessage(robot).isVisible());
    }

    @Test
    void finishedJobReloadsAudiences(FxRobot robot) throws TimeoutException {
        // given
        ListView<AudienceItem> audiences = audiencesList(robot);
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(50).build());
        waitUntil(() -> audiences.getItems().size() == 2 && audiences.getItems().get(1).isGenerating());
        session.addAudience(TestData.audience("aud-2", "Indie bookshops", TestData.ideas("books", 3),
                "2026-12-04T10:05:00Z"));

        // when
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).outcome(WatchState.SUCCEEDED,
                TestData.result(TestData.succeeded("aud-2", 3))).build());

        // then
        waitUntil(() -> "Calendar generated Dec 4, 2026"
                .equals(audiences.getItems().get(1).getCalendarText()));
    }

    @Test
    void signOutReturnsToSignIn(FxRobot robot) throws TimeoutException {
        // when
        robot.clickOn("#signOutButton");

        // then
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        waitUntil(session::isClosed);
    }

    @Test
    void expiredSessionKeepsJobsUntilSignedInAgain(FxRobot robot) throws TimeoutException {
        // given a running job
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);
        JobViewModel row = jobs.getItems().get(0);
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(41)
                .step("Loading SEO keywords").lastUpdate(T0).build());
        waitUntil(() -> row.getProgress() == 0.41);
        Node banner = robot.lookup("#sessionBanner").query();
        assertFalse(banner.isVisible());

        // when the session expires and its watches pause, as the real session does
        session.expire();
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).state(WatchState.PAUSED).progress(41)
                .step("Loading SEO keywords").lastUpdate(T0)
                .notice("signed out: sign in again to resume").build());

        // then
        waitUntil(banner::isVisible);
        waitUntil(() -> "Paused".equals(row.stateTextProperty().get()));
        assertEquals("demo@example.test", label(robot, "#sessionEmailLabel").getText());
        assertEquals("http://127.0.0.1:8080", label(robot, "#sessionServerLabel").getText());
        assertEquals(1, jobs.getItems().size());
        assertEquals(0.41, row.getProgress());
        assertEquals("Loading SEO keywords", row.stepTextProperty().get());
        assertTrue(robot.lookup("#sessionPasswordField").query().isFocused());
        assertTrue(button(robot, "#refreshButton").isDisabled());
        assertTrue(button(robot, "#openJobButton").isDisabled());
        assertEquals(Color.web("#9aa5b1"), fillOf(robot.lookup(".job-row .state-dot").query()),
                "neutral grey of theme.css");

        // when a wrong password is submitted with Enter
        robot.write("wrong").type(KeyCode.ENTER);

        // then
        Label error = label(robot, "#sessionErrorLabel");
        waitUntil(() -> "Wrong email or password.".equals(error.getText()));
        assertTrue(banner.isVisible());

        // when the right one is submitted with the button
        int loadsBefore = session.audienceLoads();
        PasswordField password = robot.lookup("#sessionPasswordField").queryAs(PasswordField.class);
        robot.interact(() -> password.setText(FakeAccountSession.PASSWORD));
        robot.clickOn("#sessionSignInButton");

        // then
        waitUntil(() -> !banner.isVisible());
        assertEquals(List.of("wrong", FakeAccountSession.PASSWORD),
                session.signInAgainPasswords());
        assertEquals("", password.getText(), "the password does not stay in the field");
        assertFalse(button(robot, "#refreshButton").isDisabled());
        waitUntil(() -> session.audienceLoads() == loadsBefore + 1);
    }

    @Test
    void requestLimitWaitShowsUntilItEnds(FxRobot robot) throws TimeoutException {
        // given
        Node bar = robot.lookup("#requestLimitBar").query();
        assertFalse(bar.isVisible());

        // when requests wait for the server's budget
        session.publishBudget(new RequestBudget.State(200, 0, T0.plusSeconds(60),
                T0.plusSeconds(42)));

        // then
        waitUntil(bar::isVisible);
        assertEquals("Waiting for the server's request limit until 10:00:42 \u2014 updates are"
                + " slower until then. The server allows no more requests in this window.",
                label(robot, "#requestLimitLabel").getText());

        // when the wait is over, without another budget report
        clock.advance(Duration.ofSeconds(43));

        // then the once-a-second tick hides the bar
        waitUntil(() -> !bar.isVisible());
    }

    @Test
    void requestLimitWithoutCountsShowsTimeOnly(FxRobot robot) throws TimeoutException {
        // when
        session.publishBudget(new RequestBudget.State(200, null, null, T0.plusSeconds(5)));

        // then
        waitUntil(() -> robot.lookup("#requestLimitBar").query().isVisible());
        assertEquals("Waiting for the server's request limit until 10:00:05 \u2014 updates are"
                + " slower until then.", label(robot, "#requestLimitLabel").getText());

        // when the server reports requests left that routine polls leave for urgent checks
        session.publishBudget(new RequestBudget.State(200, 2, T0.plusSeconds(5),
                T0.plusSeconds(5)));

        // then
        waitUntil(() -> label(robot, "#requestLimitLabel").getText().endsWith(
                " 2 requests are left in this window, kept for urgent status checks."));

        // when the budget reports that nothing waits any more
        session.publishBudget(new RequestBudget.State(200, 12, T0.plusSeconds(60), null));

        // then
        waitUntil(() -> !robot.lookup("#requestLimitBar").query().isVisible());
    }

    @Test
    void outcomeAnnouncedOncePerAttempt(FxRobot robot) throws TimeoutException {
        // given a running job and a job that had failed before the window loaded it
        String finishedJob = "7c1d2e3f-aaaa-bbbb-cccc-000000000004";
        session.addKnownJob(TestData.job(finishedJob));
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 2);
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(50).lastUpdate(T0).build());

        // when the finished job shows its outcome, and the running job reaches its own twice
        session.watchOf(finishedJob).publish(SnapshotBuilder.running(finishedJob)
                .failed("Cancelled", null).build());
        JobSnapshot succeeded = SnapshotBuilder.running(RUNNING_JOB).outcome(WatchState.SUCCEEDED,
                TestData.result(TestData.succeeded("aud-2", 3))).build();
        watched.publish(succeeded);
        waitUntil(() -> toasts(robot).size() == 1);
        watched.publish(succeeded.withNotice("Finished"));
        WaitForAsyncUtils.waitForFxEvents();

        // then only the outcome watched here is announced, once
        assertEquals(List.of("Job 7c1d2e3f succeeded"), toastTexts(robot));

        // when a retried attempt runs and fails
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2).progress(10)
                .lastUpdate(T0).build());
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).attempt(2)
                .failed("Cancelled", null).build());

        // then the new attempt gets its own notification
        waitUntil(() -> toasts(robot).size() == 2);
        assertEquals(List.of("Job 7c1d2e3f succeeded", "Job 7c1d2e3f failed: Cancelled"),
                toastTexts(robot));
    }

    @Test
    void cancelDialogSurvivesLiveUpdates(FxRobot robot) throws TimeoutException {
        // given the Cancel confirmation of a running job
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(20).lastUpdate(T0).build());
        waitUntil(() -> robot.lookup("#cancelButton").tryQuery().isPresent());
        Node detail = robot.lookup("#statusCard").query();
        robot.clickOn("#cancelButton");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("first finishes the generation"),
                dialog.getContentText());

        // when updates arrive while it is open, and the known jobs change
        for (int progress = 21; progress <= 30; progress++) {
            watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(progress)
                    .step("Step " + progress).lastUpdate(T0).build());
        }
        session.addKnownJob(TestData.job("7c1d2e3f-aaaa-bbbb-cccc-000000000005"));
        waitUntil(() -> jobs.getItems().size() == 2 && jobs.getItems().stream()
                .anyMatch(job -> job.getProgress() == 0.30));

        // then the dialog and the detail behind it stay as they were
        assertTrue(dialog.getScene().getWindow().isShowing());
        assertSame(detail, robot.lookup("#statusCard").query());
        assertEquals(0, watched.cancelCount());

        // when
        Window dialogWindow = dialog.getScene().getWindow();
        robot.clickOn(dialog.lookupButton(ButtonType.OK));

        // then
        waitUntil(() -> watched.cancelCount() == 1);
        assertFalse(dialogWindow.isShowing());
        assertTrue(button(robot, "#cancelButton").isDisabled());
    }

    @Test
    void retryShortcutRetriesSelectedFailedJob(FxRobot robot) throws TimeoutException {
        // given a failed job, selected
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);
        FakeWatchedJob watched = session.watchOf(RUNNING_JOB);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB)
                .failed("Connection terminated unexpectedly", "ECONNRESET").build());
        robot.clickOn("7c1d2e3f");
        waitUntil(() -> robot.lookup("#retryButton").tryQuery().isPresent()
                && button(robot, "#retryButton").isVisible());

        MenuItem retryItem = menuItem(robot, "retryMenuItem");
        assertFalse(retryItem.isDisable());

        // when
        robot.press(KeyCode.SHORTCUT, KeyCode.R).release(KeyCode.R, KeyCode.SHORTCUT);

        // then
        waitUntil(() -> watched.retryCount() == 1);

        // when the retried job runs again, then Retry is off until it fails again
        watched.publish(SnapshotBuilder.running(RUNNING_JOB).progress(5).build());
        waitUntil(retryItem::isDisable);
        watched.publish(SnapshotBuilder.running(RUNNING_JOB)
                .failed("Connection terminated unexpectedly", "ECONNRESET").build());
        waitUntil(() -> !retryItem.isDisable());
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void nextAndPreviousJobShortcutsMoveSelection(FxRobot robot) throws TimeoutException {
        // given two jobs, the first selected
        session.addKnownJob(TestData.job("7c1d2e3f-aaaa-bbbb-cccc-000000000004"));
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 2);
        robot.interact(() -> jobs.getSelectionModel().select(0));
        JobViewModel first = jobs.getItems().get(0);
        JobViewModel second = jobs.getItems().get(1);

        // when
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);

        // then
        waitUntil(() -> jobs.getSelectionModel().getSelectedItem() == second);

        // when
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);

        // then
        waitUntil(() -> jobs.getSelectionModel().getSelectedItem() == first);
    }

    @Test
    void aboutShowsBuildVersion(FxRobot robot) throws TimeoutException {
        // when
        robot.press(KeyCode.F1).release(KeyCode.F1);

        // then
        waitUntil(() -> robot.lookup("#aboutVersionLabel").tryQuery().isPresent());
        AppInfo info = AppInfo.load();
        assertEquals(info.version(), label(robot, "#aboutVersionLabel").getText());
        assertEquals(info.vendor(), label(robot, "#aboutVendorLabel").getText());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals(info.name() + " " + info.version(), dialog.getHeaderText());
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void narrowestWindowKeepsAudiencesReadable(FxRobot robot) throws TimeoutException {
        // given
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);
        Window window = jobs.getScene().getWindow();

        // when the window is as narrow as it may be
        robot.interact(() -> window.setWidth(((Stage) window).getMinWidth()));
        WaitForAsyncUtils.waitForFxEvents();

        // then the audiences column keeps room for a name
        double width = jobs.getColumns().stream()
                .filter(column -> "audiencesColumn".equals(column.getId()))
                .findFirst().orElseThrow().getWidth();
        assertTrue(width >= 100, "audiences column is " + width + " px wide");
    }

    @Test
    void closingSessionsCompletesOnceSessionClosed(FxRobot robot) throws Exception {
        // when the sessions are closed twice, as the window's two close handlers do
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        robot.interact(() -> {
            window.closeSessionsFx().whenComplete((value, failure) -> first.complete(null));
            window.closeSessionsFx().whenComplete((value, failure) -> second.complete(null));
        });

        // then
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertTrue(session.isClosed());
    }

    @Test
    void audiencesReloadOnSchedule(FxRobot robot) throws TimeoutException {
        // given the audiences loaded at sign-in
        waitUntil(() -> audiencesList(robot).getItems().size() == 2);
        int loads = session.audienceLoads();

        // when the refresh interval passes
        clock.advance(MainViewModel.AUDIENCE_REFRESH_INTERVAL);

        // then the next tick reloads them
        waitUntil(() -> session.audienceLoads() == loads + 1);
    }

    @Test
    void openJobShortcutFocusesIdField(FxRobot robot) throws TimeoutException {
        // when
        robot.press(KeyCode.SHORTCUT, KeyCode.O).release(KeyCode.O, KeyCode.SHORTCUT);

        // then
        waitUntil(() -> robot.lookup("#openJobField").queryAs(TextField.class).isFocused());
    }

    private static List<Node> toasts(FxRobot robot) {
        return List.copyOf(robot.lookup(".toast").queryAll());
    }

    private static List<String> toastTexts(FxRobot robot) {
        return robot.lookup("#toastStack").queryAs(ToastStack.class).getChildrenUnmodifiable()
                .stream().map(node -> ((Label) node).getText()).toList();
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

    private static ListView<AudienceItem> audiencesList(FxRobot robot) {
        return robot.lookup("#audiencesList").query();
    }

    private static TableView<JobViewModel> jobsTable(FxRobot robot) {
        return robot.lookup("#jobsTable").query();
    }

    /** Puts a whole id into the field at once; typing 36 characters takes the robot 2 s. */
    private static void enterJobId(FxRobot robot, String jobId) {
        TextField field = robot.lookup("#openJobField").queryAs(TextField.class);
        robot.interact(() -> field.setText(jobId));
    }

    private static Label openJobMessage(FxRobot robot) {
        return robot.lookup("#openJobMessageLabel").queryAs(Label.class);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

}
