package dev.jobmonitor.ui.fakes;

import dev.jobmonitor.ui.notify.DesktopNotice;
import dev.jobmonitor.ui.notify.DesktopNotifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the desktop notifications instead of showing them, and can click one. */
public final class RecordingNotifier implements DesktopNotifier {
    private final List<DesktopNotice> notices = new CopyOnWriteArrayList<>();
    private final List<Runnable> clickActions = new CopyOnWriteArrayList<>();

    @Override
    public void showFx(DesktopNotice notice, Runnable onClick) {
        notices.add(notice);
        clickActions.add(onClick);
    }

    public List<DesktopNotice> notices() {
        return List.copyOf(notices);
    }

    /** Runs the click action of the notification at {@code index}; call on the FX thread. */
    public void clickFx(int index) {
        clickActions.get(index).run();
    }
}
