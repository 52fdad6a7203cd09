package dev.jobmonitor.ui.main;

import static dev.jobmonitor.ui.fakes.TestData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.settings.MemoryPreferences;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeSignInService;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.ui.fakes.RecordingNotifier;
import dev.jobmonitor.ui.fakes.SnapshotBuilder;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.ui.help.HelpActions;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.Diagnostics;
import dev.jobmonitor.watch.WatchState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The jobs filter, the shortcuts of the added menu items, focus order and the Help menu. */
@ExtendWith(ApplicationExtension.class)
class MainViewKeyboardTest {
    private static final String BAKERY_JOB = "1aaa2bbb-aaaa-bbbb-cccc-000000000001";
    private static final String BOOKSHOP_JOB = "2ccc3ddd-aaaa-bbbb-cccc-000000000002";
    private static final String FAILED_JOB = "3eee4fff-aaaa-bbbb-cccc-000000000003";

    @TempDir
    static Path logFolder;

    private final FakeSignInService signIn = new FakeSignInService();
    private final FakeAccountSession session = new FakeAccountSession();
    private final MutableClock clock = new MutableClock(T0);
    private final List<Path> openedFolders = new CopyOnWriteArrayList<>();
    private volatile boolean fileManagerMissing;

    @Start
    void start(Stage stage) {
        session.addAudience(TestData.audience("aud-1", "Small bakeries", List.of(), null));
        session.addAudience(TestData.audience("aud-2", "Indie bookshops", List.of(), null));
        session.addKnownJob(TestData.job(FAILED_JOB, "aud-1"));
        session.addKnownJob(TestData.job(BOOKSHOP_JOB, "aud-2"));
        session.addKnownJob(TestData.job(BAKERY_JOB, "aud-1"));
        Diagnostics diagnostics = new Diagnostics("Job Monitor", () -> "9.9.9",
                Path.of("data-folder"), logFolder, () -> List.of("WARN x - Bearer abc.def"));
        HelpActions help = new HelpActions(diagnostics, folder -> {
            if (fileManagerMissing) {
                throw new IOException("Cannot run program \"xdg-open\"");
            }
            openedFolders.add(folder);
        });
        MainWindow.show(stage, new UiOptions(signIn, "http://127.0.0.1:8080",
                "demo@example.test", FakeAccountSession.PASSWORD, null, clock,
                new Settings(new MemoryPreferences())), new RecordingNotifier(), help);
    }

    @BeforeEach
    void signIn(FxRobot robot) throws TimeoutException {
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);
        CompletableFuture.runAsync(() -> signIn.lastCall().result().complete(session));
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        waitUntil(() -> jobsTable(robot).getItems().size() == 3);
        waitUntil(() -> jobsTable(robot).getItems().stream()
                .noneMatch(job -> job.audienceNamesProperty().get().equals("—")));
        session.watchOf(FAILED_JOB).publish(SnapshotBuilder.running(FAILED_JOB)
                .failed("Cancelled", null).build());
        waitUntil(() -> jobFor(robot, FAILED_JOB).stateTextProperty().get().startsWith("Failed"));
    }

    @Test
    void filterShortcutFocusesField(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);

        waitUntil(() -> filterField(robot).isFocused());
    }

    @Test
    void filterMatchesIdAudienceAndState(FxRobot robot) throws TimeoutException {
        // when filtering by an audience name, in another case
        setFilter(robot, "BOOKSHOP");

        // then
        waitUntil(() -> shownIds(robot).equals(List.of(BOOKSHOP_JOB)));

        // when filtering by the start of an id, and by a state
        setFilter(robot, "1aaa2");
        waitUntil(() -> shownIds(robot).equals(List.of(BAKERY_JOB)));
        setFilter(robot, "failed");
        waitUntil(() -> shownIds(robot).equals(List.of(FAILED_JOB)));

        // when the user presses Escape in the field
        robot.clickOn(filterField(robot)).type(KeyCode.ESCAPE);

        // then every job shows again
        waitUntil(() -> shownIds(robot).size() == 3);
        assertEquals("", filterField(robot).getText());
    }

    @Test
    void typedFilterNarrowsRows(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);
        waitUntil(() -> filterField(robot).isFocused());

        robot.write("bakeries");

        waitUntil(() -> shownIds(robot).equals(List.of(BAKERY_JOB, FAILED_JOB)));
    }

    @Test
    void filterFollowsStateChanges(FxRobot robot) throws TimeoutException {
        // given a filter on a state no job has yet
        setFilter(robot, "succeeded");
        waitUntil(() -> shownIds(robot).isEmpty());

        // when a job reaches it
        session.watchOf(BOOKSHOP_JOB).publish(SnapshotBuilder.running(BOOKSHOP_JOB).progress(5)
                .lastUpdate(T0).build());
        session.watchOf(BOOKSHOP_JOB).publish(SnapshotBuilder.running(BOOKSHOP_JOB)
                .outcome(WatchState.SUCCEEDED, TestData.result(TestData.succeeded("aud-2", 3)))
                .build());

        // then
        waitUntil(() -> shownIds(robot).equals(List.of(BOOKSHOP_JOB)));
    }

    @Test
    void sortStillAppliesWhileFiltered(FxRobot robot) throws TimeoutException {
        // given a filter that keeps two jobs
        TableView<JobViewModel> table = jobsTable(robot);
        setFilter(robot, "bakeries");
        waitUntil(() -> shownIds(robot).equals(List.of(BAKERY_JOB, FAILED_JOB)));

        // when the table is sorted by the job column, descending
        TableColumn<JobViewModel, ?> jobColumn = table.getColumns().stream()
                .filter(column -> "jobColumn".equals(column.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            jobColumn.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(jobColumn));
        });

        // then
        waitUntil(() -> shownIds(robot).equals(List.of(FAILED_JOB, BAKERY_JOB)));

        // when the filter is cleared
        setFilter(robot, "");

        // then all rows show in the same sort
        waitUntil(() -> shownIds(robot).equals(List.of(FAILED_JOB, BOOKSHOP_JOB, BAKERY_JOB)));
    }

    @Test
    void tabMovesFromFilterToTable(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);
        waitUntil(() -> filterField(robot).isFocused());

        robot.type(KeyCode.TAB);

        waitUntil(() -> jobsTable(robot).isFocused());
    }

    @Test
    void tabMovesFromOpenJobFieldToFilter(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.SHORTCUT, KeyCode.O).release(KeyCode.O, KeyCode.SHORTCUT);
        waitUntil(() -> robot.lookup("#openJobField").queryAs(TextField.class).isFocused());

        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#openJobButton").query().isFocused());
        robot.type(KeyCode.TAB);

        waitUntil(() -> filterField(robot).isFocused());
    }

    @Test
    void copyDiagnosticsShortcutFillsClipboard(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.C)
                .release(KeyCode.C, KeyCode.SHIFT, KeyCode.SHORTCUT);

        waitUntil(() -> clipboardText(robot).startsWith("Job Monitor 9.9.9"));
        String summary = clipboardText(robot);
        assertTrue(summary.contains("Servers: http://127.0.0.1:8080"), summary);
        assertTrue(summary.contains("Log folder: " + logFolder), summary);
        assertTrue(summary.contains("WARN x - Bearer [redacted]"), summary);
        waitUntil(() -> robot.lookup(".toast").queryAll().stream()
                .anyMatch(toast -> ((Label) toast).getText().startsWith("Diagnostic summary copied")));
    }

    @Test
    void filterWithoutMatchSaysSo(FxRobot robot) throws TimeoutException {
        // when
        setFilter(robot, "no-such-job");

        // then
        waitUntil(() -> shownIds(robot).isEmpty());
        Label placeholder = (Label) jobsTable(robot).getPlaceholder();
        assertEquals("No job matches \"no-such-job\". Press Escape to clear the filter.",
                placeholder.getText());

        // when the filter is cleared
        setFilter(robot, "");

        // then
        waitUntil(() -> shownIds(robot).size() == 3);
        assertTrue(placeholder.getText().startsWith("No jobs yet"), placeholder.getText());
    }

    @Test
    void openLogFolderShortcutOpensFolder(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.L)
                .release(KeyCode.L, KeyCode.SHIFT, KeyCode.SHORTCUT);

        waitUntil(() -> openedFolders.equals(List.of(logFolder)));
    }

    @Test
    void openLogFolderFailureShowsPath(FxRobot robot) throws TimeoutException {
        fileManagerMissing = true;

        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.L)
                .release(KeyCode.L, KeyCode.SHIFT, KeyCode.SHORTCUT);

        waitUntil(() -> robot.lookup("#logFolderPathField").tryQuery().isPresent());
        assertEquals(logFolder.toString(),
                robot.lookup("#logFolderPathField").queryAs(TextField.class).getText());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Could not open the log folder", dialog.getHeaderText());
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    private static String clipboardText(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0] == null ? "" : text[0];
    }

    private static void setFilter(FxRobot robot, String text) {
        robot.interact(() -> filterField(robot).setText(text));
    }

    private static List<String> shownIds(FxRobot robot) {
        return jobsTable(robot).getItems().stream().map(JobViewModel::getJobId).toList();
    }

    private static JobViewModel jobFor(FxRobot robot, String jobId) {
        return jobsTable(robot).getItems().stream().filter(job -> job.getJobId().equals(jobId))
                .findFirst().orElseThrow();
    }

    private static TextField filterField(FxRobot robot) {
        return robot.lookup("#jobFilterField").queryAs(TextField.class);
    }

    private static TableView<JobViewModel> jobsTable(FxRobot robot) {
        return robot.lookup("#jobsTable").query();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
