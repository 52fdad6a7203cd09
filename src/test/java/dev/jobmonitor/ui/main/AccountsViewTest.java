package dev.jobmonitor.ui.main;

import static dev.jobmonitor.ui.fakes.TestData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.model.User;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.audiences.AudienceItem;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeSignInService;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.ui.fakes.SnapshotBuilder;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.RequestBudget;
import dev.jobmonitor.watch.WatchState;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Two accounts in one window: Dana on one server, Lee on another, each with its own job. */
@ExtendWith(ApplicationExtension.class)
class AccountsViewTest {
    private static final String DANA_JOB = "7c1d2e3f-aaaa-bbbb-cccc-000000000001";
    private static final String LEE_JOB = "9e8d7c6b-aaaa-bbbb-cccc-000000000002";
    private static final String DANA_LABEL = "demo@example.test \u00b7 127.0.0.1:8080";
    private static final String LEE_LABEL = "lee@example.test \u00b7 127.0.0.1:9090";

    private final FakeSignInService signIn = new FakeSignInService();
    private final FakeAccountSession dana = new FakeAccountSession();
    private final FakeAccountSession lee = new FakeAccountSession(
            URI.create("http://127.0.0.1:9090"),
            new User("user-7", "lee@example.test", "Lee", "Park", "Other Org"));
    private final MutableClock clock = new MutableClock(T0);

    @Start
    void start(Stage stage) {
        dana.addAudience(TestData.audience("aud-1", "Small bakeries", List.of(), null));
        dana.addAudience(TestData.audience("aud-2", "Corner cafes", List.of(), null));
        dana.addKnownJob(TestData.job(DANA_JOB, "aud-1"));
        lee.addAudience(TestData.audience("aud-9", "Yoga studios", List.of(), null));
        lee.addKnownJob(TestData.job(LEE_JOB, "aud-9"));
        MainWindow.show(stage, new UiOptions(signIn, "http://127.0.0.1:8080",
                "demo@example.test", "demo1234", null, clock));
    }

    @BeforeEach
    void signInBoth(FxRobot robot) throws TimeoutException {
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);
        CompletableFuture.runAsync(() -> signIn.lastCall().result().complete(dana));
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());

        addAccount(robot, "http://127.0.0.1:9090", "lee@example.test");
        waitUntil(() -> signIn.calls().size() == 2);
        CompletableFuture.runAsync(() -> signIn.lastCall().result().complete(lee));
        waitUntil(() -> jobsTable(robot).getItems().size() == 2);
    }

    @Test
    void eachJobIsListedUnderItsAccount(FxRobot robot) throws TimeoutException {
        // given
        TableView<JobViewModel> jobs = jobsTable(robot);
        TableColumn<?, ?> accountColumn = column(jobs, "accountColumn");

        // then
        assertEquals("lee@example.test", signIn.lastCall().email());
        assertEquals("http://127.0.0.1:9090", signIn.lastCall().serverUrl());
        assertTrue(accountColumn.isVisible(), "two accounts show the account column");
        assertEquals(DANA_LABEL, accountText(robot, DANA_JOB));
        assertEquals(LEE_LABEL, accountText(robot, LEE_JOB));
        assertEquals("Lee Park (lee@example.test) on http://127.0.0.1:9090",
                accountCell(robot, LEE_JOB).getTooltip().getText());
        ComboBox<MainViewModel> accounts = accountComboBox(robot);
        assertTrue(accounts.isVisible());
        assertEquals(List.of(DANA_LABEL, LEE_LABEL), accounts.getItems().stream()
                .map(MainViewModel::getAccountLabel).toList());
        assertEquals(LEE_LABEL, accounts.getValue().getAccountLabel(),
                "the account just added is current");
        assertEquals("Signed in as Lee Park (lee@example.test)", label(robot, "#userLabel").getText());
    }

    @Test
    void retryReachesTheJobsOwnSession(FxRobot robot) throws TimeoutException {
        // given Dana's job failed and is selected while Lee's account is current
        dana.watchOf(DANA_JOB).publish(SnapshotBuilder.running(DANA_JOB)
                .failed("Connection terminated unexpectedly", "ECONNRESET").build());
        lee.watchOf(LEE_JOB).publish(SnapshotBuilder.running(LEE_JOB)
                .failed("Connection terminated unexpectedly", "ECONNRESET").build());
        robot.clickOn(DANA_JOB.substring(0, 8));
        waitUntil(() -> robot.lookup("#jobIdField").tryQuery()
                .map(node -> ((TextField) node).getText().equals(DANA_JOB)).orElse(false));
        waitUntil(() -> robot.lookup("#retryButton").query().isVisible());

        // when
        robot.press(KeyCode.SHORTCUT, KeyCode.R).release(KeyCode.R, KeyCode.SHORTCUT);

        // then
        waitUntil(() -> dana.watchOf(DANA_JOB).retryCount() == 1);
        assertEquals(0, lee.watchOf(LEE_JOB).retryCount());
        assertEquals(0, lee.watchOf(DANA_JOB).retryCount());
    }

    @Test
    void regenerateActsOnSelectedAccount(FxRobot robot) throws TimeoutException {
        // given
        ListView<AudienceItem> audiences = robot.lookup("#audiencesList").query();
        waitUntil(() -> audiences.getItems().size() == 1
                && audiences.getItems().get(0).getName().equals("Yoga studios"));

        // when Dana's account is chosen in the selector
        ComboBox<MainViewModel> accounts = accountComboBox(robot);
        robot.interact(() -> accounts.getSelectionModel().select(0));

        // then the sidebar shows Dana's audiences; her job generates the first
        waitUntil(() -> audiences.getItems().size() == 2
                && audiences.getItems().get(1).getName().equals("Corner cafes"));
        assertEquals("Signed in as Dana Demo (demo@example.test)",
                label(robot, "#userLabel").getText());

        // when
        robot.clickOn("Corner cafes");
        robot.clickOn("#regenerateButton");

        // then
        waitUntil(() -> dana.requestedCalendars().equals(List.of("aud-2")));
        assertEquals(List.of(), lee.requestedCalendars());
        waitUntil(() -> jobsTable(robot).getItems().stream()
                .anyMatch(job -> job.getJobId().equals("job-new-1")));
        assertEquals(DANA_LABEL, accountText(robot, "job-new-1"));
    }

    @Test
    void sameUserSignedInAgainShowsExistingAccount(FxRobot robot) throws TimeoutException {
        // when Dana is added once more, with the server URL written differently
        addAccount(robot, "http://127.0.0.1:8080/", "Demo@Example.test");

        // then no second session is opened and Dana's account is current
        waitUntil(() -> robot.lookup("#emailField").tryQuery().isEmpty());
        assertEquals(2, signIn.calls().size());
        ComboBox<MainViewModel> accounts = accountComboBox(robot);
        assertEquals(2, accounts.getItems().size());
        assertEquals(DANA_LABEL, accounts.getValue().getAccountLabel());
        assertEquals("Already signed in as " + DANA_LABEL + ", so that account is shown.",
                label(robot, "#accountMessageLabel").getText());
        assertFalse(dana.isClosed());
    }

    @Test
    void cancelledDialogAddsNoAccount(FxRobot robot) throws TimeoutException {
        // given
        robot.clickOn("#addAccountButton");
        waitUntil(() -> robot.lookup("#emailField").tryQuery().isPresent());

        // when
        robot.clickOn("Cancel");

        // then
        waitUntil(() -> robot.lookup("#emailField").tryQuery().isEmpty());
        assertEquals(2, accountComboBox(robot).getItems().size());
        assertEquals(2, signIn.calls().size());
    }

    @Test
    void signOutEndsCurrentAccountOnly(FxRobot robot) throws TimeoutException {
        // when Lee, the current account, signs out
        robot.clickOn("#signOutButton");

        // then Dana's account and job stay
        waitUntil(lee::isClosed);
        TableView<JobViewModel> jobs = jobsTable(robot);
        waitUntil(() -> jobs.getItems().size() == 1);
        assertEquals(DANA_JOB, jobs.getItems().get(0).getJobId());
        assertFalse(dana.isClosed());
        assertFalse(accountComboBox(robot).isVisible(), "one account needs no selector");
        assertFalse(column(jobs, "accountColumn").isVisible());
        assertEquals("Signed in as Dana Demo (demo@example.test)",
                label(robot, "#userLabel").getText());

        // when the last account signs out
        robot.clickOn("#signOutButton");

        // then
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        waitUntil(dana::isClosed);
    }

    @Test
    void closingWindowClosesEverySession(FxRobot robot) throws TimeoutException {
        // when
        robot.interact(() -> jobsTable(robot).getScene().getWindow().hide());

        // then
        waitUntil(() -> dana.isClosed() && lee.isClosed());
    }

    @Test
    void outcomesOfBothAccountsAreAnnouncedOnce(FxRobot robot) throws TimeoutException {
        // given both jobs running
        dana.watchOf(DANA_JOB).publish(SnapshotBuilder.running(DANA_JOB).progress(50).build());
        lee.watchOf(LEE_JOB).publish(SnapshotBuilder.running(LEE_JOB).progress(50).build());
        waitUntil(() -> jobsTable(robot).getItems().stream().allMatch(job -> job.getProgress() == 0.5));

        // when both succeed, Lee's twice
        dana.watchOf(DANA_JOB).publish(SnapshotBuilder.running(DANA_JOB).outcome(
                WatchState.SUCCEEDED, TestData.result(TestData.succeeded("aud-1", 3))).build());
        JobSnapshot leeFailed = SnapshotBuilder.running(LEE_JOB).failed("Cancelled", null).build();
        lee.watchOf(LEE_JOB).publish(leeFailed);
        lee.watchOf(LEE_JOB).publish(leeFailed.withNotice("Finished"));

        // then
        waitUntil(() -> toastTexts(robot).size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Job 7c1d2e3f succeeded", "Job 9e8d7c6b failed: Cancelled"),
                toastTexts(robot).stream().sorted().toList());
    }

    @Test
    void expiryBannerNamesItsAccount(FxRobot robot) throws TimeoutException {
        // when Lee's session expires
        lee.expire();

        // then one banner shows, about Lee
        waitUntil(() -> visible(robot, "#sessionBanner").size() == 1);
        Node banner = visible(robot, "#sessionBanner").get(0);
        assertEquals("lee@example.test",
                ((Label) banner.lookup("#sessionEmailLabel")).getText());
        assertEquals("http://127.0.0.1:9090",
                ((Label) banner.lookup("#sessionServerLabel")).getText());
    }

    @Test
    void requestLimitBarNamesItsAccount(FxRobot robot) throws TimeoutException {
        // when Dana's requests wait for the server's limit
        dana.publishBudget(new RequestBudget.State(200, 0, T0.plusSeconds(60), T0.plusSeconds(42)));

        // then
        waitUntil(() -> visible(robot, "#requestLimitBar").size() == 1);
        Node bar = visible(robot, "#requestLimitBar").get(0);
        Label account = (Label) bar.lookup("#requestLimitAccountLabel");
        assertTrue(account.isVisible());
        assertEquals(DANA_LABEL, account.getText());
    }

    private static void addAccount(FxRobot robot, String server, String email)
            throws TimeoutException {
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.N)
                .release(KeyCode.N, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitUntil(() -> robot.lookup("#emailField").tryQuery().isPresent());
        TextField serverField = robot.lookup("#serverUrlField").queryAs(TextField.class);
        TextField emailField = robot.lookup("#emailField").queryAs(TextField.class);
        TextField passwordField = robot.lookup("#passwordField").queryAs(TextField.class);
        // Another account needs another email, so the dialog does not offer the last one.
        assertEquals("", emailField.getText());
        robot.interact(() -> {
            serverField.setText(server);
            emailField.setText(email);
            passwordField.setText("secret12");
        });
        robot.clickOn("#signInButton");
    }

    private static List<Node> visible(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(Node::isVisible).toList();
    }

    private static String accountText(FxRobot robot, String jobId) {
        return accountCell(robot, jobId).getText();
    }

    private static TableCell<?, ?> accountCell(FxRobot robot, String jobId) {
        return robot.lookup(".table-cell").queryAll().stream()
                .map(node -> (TableCell<?, ?>) node)
                .filter(cell -> cell.getTableColumn() != null
                        && "accountColumn".equals(cell.getTableColumn().getId())
                        && cell.getTableRow() != null && cell.getTableRow().getItem() != null
                        && ((JobViewModel) cell.getTableRow().getItem()).getJobId().equals(jobId))
                .findFirst()
                .orElseThrow();
    }

    private static TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(column -> id.equals(column.getId()))
                .findFirst().orElseThrow();
    }

    private static List<String> toastTexts(FxRobot robot) {
        return robot.lookup("#toastStack").queryAs(ToastStack.class).getChildrenUnmodifiable()
                .stream().map(node -> ((Label) node).getText()).toList();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<MainViewModel> accountComboBox(FxRobot robot) {
        return robot.lookup("#accountComboBox").queryAs(ComboBox.class);
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static TableView<JobViewModel> jobsTable(FxRobot robot) {
        return robot.lookup("#jobsTable").query();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
