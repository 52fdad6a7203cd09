package dev.jobmonitor.ui.jobs;

import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;

/** A table cell that draws a 0 to 1 value as a small progress bar. */
public final class ProgressBarCell<S> extends TableCell<S, Number> {
    private final ProgressBar bar = new ProgressBar();

    public ProgressBarCell() {
        getStyleClass().add("progress-bar-cell");
        bar.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    protected void updateItem(Number value, boolean empty) {
        super.updateItem(value, empty);
        if (empty || value == null) {
            setGraphic(null);
            return;
        }
        bar.setProgress(value.doubleValue());
        setGraphic(bar);
    }
}
