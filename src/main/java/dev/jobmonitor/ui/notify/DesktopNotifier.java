package dev.jobmonitor.ui.notify;

/** Shows desktop notifications; tests count them through a recording implementation. */
public interface DesktopNotifier {
    /**
     * Shows {@code notice}; {@code onClick} runs on the FX thread when the user clicks it.
     * Call on the FX thread.
     */
    void showFx(DesktopNotice notice, Runnable onClick);
}
