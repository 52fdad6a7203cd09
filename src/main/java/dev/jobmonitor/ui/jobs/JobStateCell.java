package dev.jobmonitor.ui.jobs;

import dev.jobmonitor.watch.JobText;
import dev.jobmonitor.watch.WatchState;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;

/**
 * A job's watch state as a dot and its label, with the state as a pseudo-class such as
 * {@code :live} or {@code :partly_failed}.
 */
public final class JobStateCell<S> extends TableCell<S, WatchState> {
    private final Region dot = new Region();

    public JobStateCell() {
        getStyleClass().add("job-state-cell");
        dot.getStyleClass().add("state-dot");
    }

    @Override
    protected void updateItem(WatchState state, boolean empty) {
        super.updateItem(state, empty);
        for (WatchState each : WatchState.values()) {
            pseudoClassStateChanged(pseudoClassOf(each), !empty && each == state);
        }
        if (empty || state == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(JobText.stateLabel(state));
        setGraphic(dot);
    }

    private static PseudoClass pseudoClassOf(WatchState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }
}
