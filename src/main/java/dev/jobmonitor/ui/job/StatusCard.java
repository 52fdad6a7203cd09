package dev.jobmonitor.ui.job;

import dev.jobmonitor.watch.WatchState;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.layout.VBox;

/**
 * The card that contains a job's progress, with its watch state as a pseudo-class such as
 * {@code :live}, {@code :failed} or {@code :partly_failed}, so CSS can colour the progress bar
 * by outcome.
 */
public final class StatusCard extends VBox {
    private final ObjectProperty<WatchState> state = new SimpleObjectProperty<>(this, "state");

    public StatusCard() {
        getStyleClass().addAll("card", "status-card");
        state.addListener((observable, oldState, newState) -> {
            if (oldState != null) {
                pseudoClassStateChanged(pseudoClassOf(oldState), false);
            }
            if (newState != null) {
                pseudoClassStateChanged(pseudoClassOf(newState), true);
            }
        });
    }

    public ObjectProperty<WatchState> stateProperty() {
        return state;
    }

    public WatchState getState() {
        return state.get();
    }

    public void setState(WatchState value) {
        state.set(value);
    }

    private static PseudoClass pseudoClassOf(WatchState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }
}
