package dev.jobmonitor.ui.job;

import dev.jobmonitor.watch.WatchState;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A label with a coloured dot for the watch's connection mode. The mode is set as one of the
 * pseudo-classes {@code :connecting}, {@code :live}, {@code :polling}, {@code :reconnecting},
 * {@code :paused}, or {@code :finished} once the job has an outcome and nothing is watched any
 * more.
 */
public final class ConnectionIndicator extends Label {
    private static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");

    private final ObjectProperty<WatchState> mode = new SimpleObjectProperty<>(this, "mode");

    public ConnectionIndicator() {
        getStyleClass().add("connection-indicator");
        Region dot = new Region();
        dot.getStyleClass().add("connection-dot");
        setGraphic(dot);
        // A long line of audience names beside it must not cut the mode to "...".
        setMinWidth(USE_PREF_SIZE);
        mode.addListener((observable, oldMode, newMode) -> updatePseudoClasses(newMode));
        updatePseudoClasses(null);
    }

    public ObjectProperty<WatchState> modeProperty() {
        return mode;
    }

    public WatchState getMode() {
        return mode.get();
    }

    public void setMode(WatchState value) {
        mode.set(value);
    }

    private void updatePseudoClasses(WatchState current) {
        for (WatchState each : WatchState.values()) {
            if (!each.isOutcome()) {
                pseudoClassStateChanged(pseudoClassOf(each), each == current);
            }
        }
        pseudoClassStateChanged(FINISHED, current != null && current.isOutcome());
    }

    private static PseudoClass pseudoClassOf(WatchState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }
}
