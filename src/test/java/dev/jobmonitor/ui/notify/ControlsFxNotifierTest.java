package dev.jobmonitor.ui.notify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
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
}
