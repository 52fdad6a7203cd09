package dev.jobmonitor.ui.jobs;

import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;

/**
 * A job's state text, such as "Live" or "Paused", behind a dot. The row's pseudo-classes, set
 * by {@link JobRow}, colour both.
 */
public final class JobStateCell<S> extends TableCell<S, String> {
    private final Region dot = new Region();

    public JobStateCell() {
        getStyleClass().add("job-state-cell");
        dot.getStyleClass().add("state-dot");
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        if (empty || text == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(text);
        setGraphic(dot);
    }
}
