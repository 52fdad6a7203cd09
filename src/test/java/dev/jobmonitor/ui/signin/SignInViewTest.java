package dev.jobmonitor.ui.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.api.NetworkException;
import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeSignInService;
import dev.jobmonitor.ui.fakes.MutableClock;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SignInViewTest {
    private static final String DEMO_URL = "http://127.0.0.1:8080";

    private final FakeSignInService signIn = new FakeSignInService();
    private Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
        UiOptions options = new UiOptions(signIn, DEMO_URL, "demo@example.test", "demo1234",
                "Demo backend running at " + DEMO_URL,
                new MutableClock(Instant.parse("2026-12-04T10:00:00Z")));
        MainWindow.show(stage, options);
    }

    @Test
    void formIsPrefilledWithDemoValues(FxRobot robot) {
        assertEquals(DEMO_URL, field(robot, "#serverUrlField").getText());
        assertEquals("demo@example.test", field(robot, "#emailField").getText());
        assertEquals("demo1234", field(robot, "#passwordField").getText());
        assertEquals("Demo backend running at " + DEMO_URL, label(robot, "#demoNoticeLabel").getText());
        assertTrue(label(robot, "#demoNoticeLabel").isVisible());
    }

    @Test
    void windowHasAppIcons() {
        assertEquals(List.of(16.0, 32.0, 64.0, 128.0, 256.0),
                window.getIcons().stream().map(Image::getWidth).toList());
    }

    @Test
    void wrongPasswordShowsMessage(FxRobot robot) throws TimeoutException {
        // given
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);

        // when
        failInBackground(new UnauthorizedException("Invalid credentials", "Invalid credentials"));

        // then
        waitUntil(() -> "Wrong email or password.".equals(label(robot, "#errorLabel").getText()));
        assertTrue(label(robot, "#errorLabel").isVisible());
        assertFalse(button(robot).isDisabled());
        waitUntil(() -> field(robot, "#passwordField").isFocused());
        assertEquals(field(robot, "#passwordField").getText(),
                field(robot, "#passwordField").getSelectedText(), "password selected for retyping");
    }

    @Test
    void invalidUrlShowsExceptionMessage(FxRobot robot) throws TimeoutException {
        // given
        robot.interact(() -> field(robot, "#serverUrlField").setText("htp:/nowhere"));
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);

        // when
        failInBackground(new IllegalArgumentException("Invalid server URL: htp:/nowhere"));

        // then
        waitUntil(() -> "Invalid server URL: htp:/nowhere".equals(label(robot, "#errorLabel").getText()));
        assertEquals("htp:/nowhere", signIn.lastCall().serverUrl());
    }

    @Test
    void unreachableServerShowsAddress(FxRobot robot) throws TimeoutException {
        // given
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);

        // when
        failInBackground(new NetworkException("Connection refused",
                new ConnectException("Connection refused")));

        // then
        String expected = "Cannot reach " + DEMO_URL
                + ". Check the address and that the server is running.";
        waitUntil(() -> expected.equals(label(robot, "#errorLabel").getText()));
    }

    @Test
    void enterInPasswordFieldSubmits(FxRobot robot) throws TimeoutException {
        // when
        robot.clickOn("#passwordField").type(KeyCode.ENTER);

        // then
        waitUntil(() -> signIn.calls().size() == 1);
        assertEquals("demo@example.test", signIn.lastCall().email());
        assertEquals("demo1234", signIn.lastCall().password());
    }

    @Test
    void indicatorShowsWhileSigningIn(FxRobot robot) throws TimeoutException {
        // given
        ProgressIndicator indicator =
                robot.lookup("#signInProgressIndicator").queryAs(ProgressIndicator.class);
        assertFalse(indicator.isVisible());

        // when
        robot.clickOn("#signInButton");

        // then
        waitUntil(indicator::isVisible);
        assertTrue(button(robot).isDisabled());
        failInBackground(new UnauthorizedException("Invalid credentials", "Invalid credentials"));
        waitUntil(() -> !indicator.isVisible());
        assertFalse(button(robot).isDisabled());
    }

    @Test
    void emptyFieldDisablesSignIn(FxRobot robot) {
        // when
        robot.interact(() -> field(robot, "#emailField").setText(" "));

        // then
        assertTrue(button(robot).isDisabled());
    }

    @Test
    void otherServerErrorShowsServerMessage(FxRobot robot) throws TimeoutException {
        // given
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);

        // when
        failInBackground(new ApiException(503, "Service unavailable",
                "Database is starting, try again in a minute"));

        // then
        waitUntil(() -> "Database is starting, try again in a minute"
                .equals(label(robot, "#errorLabel").getText()));
    }

    @Test
    void successShowsMainView(FxRobot robot) throws TimeoutException {
        // given
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);

        // when
        CompletableFuture.runAsync(() -> signIn.lastCall().result().complete(new FakeAccountSession()));

        // then
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        assertTrue(robot.lookup("#serverUrlField").tryQuery().isEmpty());
    }

    private void failInBackground(Throwable failure) {
        CompletableFuture.runAsync(() -> signIn.lastCall().result().completeExceptionally(failure));
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TextField field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static Button button(FxRobot robot) {
        Node node = robot.lookup("#signInButton").query();
        return (Button) node;
    }

}
