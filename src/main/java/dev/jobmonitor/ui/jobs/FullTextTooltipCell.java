package dev.jobmonitor.ui.jobs;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A text cell with its whole text as a tooltip, for columns that cut long text short. */
public final class FullTextTooltipCell<S> extends TableCell<S, String> {
    private final Tooltip tooltip = new Tooltip();

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        boolean filled = !empty && text != null && !text.isEmpty();
        setText(filled ? text : null);
        tooltip.setText(filled ? text : "");
        setTooltip(filled ? tooltip : null);
    }
}
