package dev.jobmonitor.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs exceptions that no code caught and shows them to the user in a dialog. Installed as the JVM's
 * default handler, so it runs on whichever thread failed; the dialog is shown on the FX thread.
 */
final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(UncaughtErrorHandler.class);

    private final Window owner;
    /** Only touched on the FX thread. A burst of failures should not stack dialogs. */
    private boolean dialogShowing;

    UncaughtErrorHandler(Window owner) {
        this.owner = owner;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOGGER.error("Uncaught exception on thread {}", thread.getName(), error);
        if (Platform.isFxApplicationThread()) {
            showDialogFx(error);
        } else {
            Platform.runLater(() -> showDialogFx(error));
        }
    }

    private void showDialogFx(Throwable error) {
        if (dialogShowing) {
            return;
        }
        dialogShowing = true;
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner.isShowing() ? owner : null);
            alert.setTitle(UiText.get("error.dialog.title"));
            alert.setHeaderText(UiText.get("error.dialog.header"));
            String detail = error.getMessage() != null ? error.getMessage() : error.toString();
            alert.setContentText(UiText.get("error.dialog.content", detail));
            alert.showAndWait();
        } catch (RuntimeException e) {
            LOGGER.error("Could not show the error dialog", e);
        } finally {
            dialogShowing = false;
        }
    }
}
