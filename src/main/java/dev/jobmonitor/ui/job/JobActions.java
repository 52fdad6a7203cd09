package dev.jobmonitor.ui.job;

import dev.jobmonitor.ui.UiText;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Job actions that the detail view's buttons and the window's menu share. */
public final class JobActions {
    private JobActions() {
    }

    /**
     * Cancels {@code job} after the user confirms, because a cancelled job has to be retried to
     * run again. Does nothing when the job cannot be cancelled now. Call on the FX thread.
     */
    public static void confirmAndCancel(JobViewModel job, Window owner) {
        if (!job.canCancelProperty().get()) {
            return;
        }
        Alert confirmation = new Alert(Alert.AlertType.CONFIRMATION,
                UiText.get("job.cancel.confirm.content"), ButtonType.OK, ButtonType.CANCEL);
        confirmation.initOwner(owner);
        confirmation.setTitle(UiText.get("job.cancel.confirm.title"));
        confirmation.setHeaderText(UiText.get("job.cancel.confirm.header"));
        confirmation.showAndWait()
                .filter(ButtonType.OK::equals)
                .ifPresent(button -> job.cancel());
    }
}
