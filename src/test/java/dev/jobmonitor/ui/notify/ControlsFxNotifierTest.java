package dev.jobmonitor.ui.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.settings.MemoryPreferences;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.settings.Theme;
import dev.jobmonitor.ui.Themes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ControlsFxNotifierTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("owner")), 400, 300));
        stage.show();
    }

    @Test
    void noticeShowsControlsFxPopup(FxRobot robot) throws TimeoutException {
        // given
        ControlsFxNotifier notifier = new ControlsFxNotifier(stage);
        DesktopNotice notice = new DesktopNotice(DesktopNotice.Kind.FAILED, "job-1",
                "Job 7c1d2e3f failed: Cancelled", "Audiences: Indie bookshops.");
        AtomicInteger clicks = new AtomicInteger();

        // when
        robot.interact(() -> notifier.showFx(notice, clicks::incrementAndGet));

        // then a popup window contains ControlsFX's notification bar with the notice's lines
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup(".notification-bar").tryQuery().isPresent());
        Node bar = robot.lookup(".notification-bar").query();
        Window popup = bar.getScene().getWindow();
        assertTrue(popup instanceof PopupWindow, "shown in " + popup);
        assertTrue(popup.isShowing());
        List<String> texts = robot.from(bar).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(texts.contains("Job 7c1d2e3f failed: Cancelled"), texts.toString());
        assertTrue(texts.contains("Audiences: Indie bookshops."), texts.toString());

        // when the user clicks it
        robot.clickOn(bar);

        // then
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> clicks.get() == 1);
    }

    @Test
    void popupTakesDarkThemeTokens(FxRobot robot) throws TimeoutException {
        // given the dark theme on the owner window
        Settings settings = new Settings(new MemoryPreferences());
        settings.setTheme(Theme.DARK);
        Themes themes = new Themes(settings);
        robot.interact(themes::installFx);
        ControlsFxNotifier notifier = new ControlsFxNotifier(stage);
        DesktopNotice notice = new DesktopNotice(DesktopNotice.Kind.SUCCEEDED, "job-2",
                "Job 40423aa1 succeeded", "Audiences: Small bakeries.");

        try {
            // when
            robot.interact(() -> notifier.showFx(notice, () -> { }));

            // then the popup's body and text use the dark tokens from theme-dark.css
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> robot.lookup(".notification-bar > .pane").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            Region pane = robot.lookup(".notification-bar > .pane").queryAs(Region.class);
            List<BackgroundFill> fills = pane.getBackground().getFills();
            assertEquals(Color.web("#1a2029"), fills.get(fills.size() - 1).getFill());
            Label title = robot.from(pane).lookup(".title").queryAs(Label.class);
            assertEquals(Color.web("#e3e8ee"), title.getTextFill());
        } finally {
            robot.interact(() -> {
                themes.setTheme(Theme.LIGHT);
                themes.uninstallFx();
            });
        }
    }
}
