package dev.jobmonitor.app;

import java.time.Duration;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The check behind {@code --smoke-test}: signs in through the window's own sign-in button,
 * which the launcher prefilled with the demo account, and passes once the first frame has been
 * rendered and the jobs table has at least one row. It finds the controls by their FXML ids
 * ({@code signInButton}, {@code errorLabel}, {@code jobsTable}), so the window needs no hook.
 */
final class SmokeTest {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final javafx.util.Duration CHECK_INTERVAL = javafx.util.Duration.millis(100);

    /** Receives the result once, on the FX thread. */
    interface Listener {
        void passed(String summary);

        void failed(String reason);
    }

    private final Stage stage;
    private final Duration timeout;
    private final Listener listener;
    private final long startNanos = System.nanoTime();
    private final Timeline checks;
    private boolean firstFrameRendered;
    private boolean signInFired;
    private boolean finished;

    private SmokeTest(Stage stage, Duration timeout, Listener listener) {
        this.stage = stage;
        this.timeout = timeout;
        this.listener = listener;
        this.checks = new Timeline(new KeyFrame(CHECK_INTERVAL, event -> check()));
        checks.setCycleCount(Animation.INDEFINITE);
    }

    /** Starts checking {@code stage}, shown or not yet; call on the FX thread. */
    static void start(Stage stage, Duration timeout, Listener listener) {
        SmokeTest test = new SmokeTest(Objects.requireNonNull(stage, "stage"),
                Objects.requireNonNull(timeout, "timeout"),
                Objects.requireNonNull(listener, "listener"));
        FirstFrame.whenRendered(stage, () -> {
            test.firstFrameRendered = true;
            test.check();
        });
        test.checks.play();
    }

    private void check() {
        if (finished) {
            return;
        }
        Scene scene = stage.getScene();
        if (scene != null) {
            signInOnce(scene);
            if (signInFired && failedSignIn(scene)) {
                return;
            }
            int rows = jobRows(scene);
            if (firstFrameRendered && rows > 0) {
                finish();
                listener.passed("first frame rendered and " + rows + " jobs listed after "
                        + elapsed().toMillis() + " ms");
                return;
            }
        }
        if (elapsed().compareTo(timeout) >= 0) {
            finish();
            listener.failed("timed out after " + timeout.toMillis() + " ms: first frame "
                    + (firstFrameRendered ? "rendered" : "not rendered") + ", sign-in "
                    + (signInFired ? "started" : "not started") + ", jobs table "
                    + (scene != null && scene.lookup("#jobsTable") != null ? "empty" : "not shown"));
        }
    }

    private void signInOnce(Scene scene) {
        if (!signInFired && scene.lookup("#signInButton") instanceof Button button
                && !button.isDisabled()) {
            signInFired = true;
            button.fire();
        }
    }

    /**
     * Fails the test at once when the sign-in view shows an error message. The view must still
     * be shown, because the job detail of the main view has an {@code errorLabel} too.
     */
    private boolean failedSignIn(Scene scene) {
        if (scene.lookup("#signInButton") == null) {
            return false;
        }
        Node error = scene.lookup("#errorLabel");
        if (error instanceof Labeled label && label.getText() != null
                && !label.getText().isBlank()) {
            finish();
            listener.failed("sign-in failed: " + label.getText());
            return true;
        }
        return false;
    }

    private static int jobRows(Scene scene) {
        return scene.lookup("#jobsTable") instanceof TableView<?> table ? table.getItems().size() : 0;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void finish() {
        finished = true;
        checks.stop();
    }
}
