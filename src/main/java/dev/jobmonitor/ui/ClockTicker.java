package dev.jobmonitor.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * A once-a-second tick on the FX thread for texts that change with time alone: ETA countdowns
 * and "Last update 5s ago". One ticker serves every job, so the window runs a single timeline.
 * Every method must be called on the FX thread.
 */
public final class ClockTicker {
    private final List<Runnable> listeners = new ArrayList<>();
    private final Timeline timeline =
            new Timeline(new KeyFrame(Duration.seconds(1), event -> tickFx()));

    public ClockTicker() {
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    public void startFx() {
        timeline.play();
    }

    public void stopFx() {
        timeline.stop();
    }

    public void addListenerFx(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListenerFx(Runnable listener) {
        listeners.remove(listener);
    }

    /** Runs every listener now. The timeline calls this once a second; tests may call it too. */
    public void tickFx() {
        for (Runnable listener : List.copyOf(listeners)) {
            listener.run();
        }
    }
}
