package dev.jobmonitor.ui.notify;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows each notice as a ControlsFX notification popup in the top-right corner of the owner
 * window, where ControlsFX 11.2.4 places popups that have an owner, away from the window's own
 * toasts in its bottom-right corner.
 *
 * <p>NOTE: the popup belongs to the owner window (ControlsFX 11.2.4 needs one), and some window
 * managers hide a minimized window's popups, so a notice may not show while the window is
 * minimized.
 */
public final class ControlsFxNotifier implements DesktopNotifier {
    /** Long enough to read two lines and reach for the mouse; the toast in the window stays too. */
    private static final Duration SHOWN_FOR = Duration.seconds(10);

    private final Window owner;

    public ControlsFxNotifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showFx(DesktopNotice notice, Runnable onClick) {
        Notifications notification = Notifications.create()
                .owner(owner)
                .title(notice.title())
                .text(notice.text())
                .position(Pos.TOP_RIGHT)
                .hideAfter(SHOWN_FOR)
                .onAction(event -> onClick.run());
        switch (notice.kind()) {
            case SUCCEEDED:
                notification.showInformation();
                break;
            case FAILED:
                notification.showError();
                break;
            default:
                notification.showWarning();
                break;
        }
    }
}
