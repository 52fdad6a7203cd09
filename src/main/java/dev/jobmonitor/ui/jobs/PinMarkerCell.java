package dev.jobmonitor.ui.jobs;

import dev.jobmonitor.ui.UiText;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** A pin marker, drawn by CSS as {@code .pin-marker}, in the rows of pinned jobs. */
public final class PinMarkerCell<S> extends TableCell<S, Boolean> {
    private final Region marker = new Region();
    private final Tooltip tooltip = new Tooltip(UiText.get("jobs.pinned"));

    public PinMarkerCell() {
        getStyleClass().add("pin-marker-cell");
        marker.getStyleClass().add("pin-marker");
    }

    @Override
    protected void updateItem(Boolean pinned, boolean empty) {
        super.updateItem(pinned, empty);
        boolean pinnedRow = !empty && Boolean.TRUE.equals(pinned);
        setText(null);
        setGraphic(pinnedRow ? marker : null);
        setTooltip(pinnedRow ? tooltip : null);
    }
}
