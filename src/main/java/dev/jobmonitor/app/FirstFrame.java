package dev.jobmonitor.app;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Runs an action once the window's first frame has been rendered. The first pulse after the
 * stage is shown lays out and renders the scene, so the action runs on the second pulse.
 */
final class FirstFrame {
    private static final int PULSES = 2;

    private FirstFrame() {
    }

    /** Calls {@code action} on the FX thread after the first frame; call on the FX thread. */
    static void whenRendered(Stage stage, Runnable action) {
        AnimationTimer pulses = new AnimationTimer() {
            private int count;

            @Override
            public void handle(long now) {
                count++;
                if (count == PULSES) {
                    stop();
                    action.run();
                }
            }
        };
        if (stage.isShowing()) {
            pulses.start();
        } else {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> pulses.start());
        }
    }
}
