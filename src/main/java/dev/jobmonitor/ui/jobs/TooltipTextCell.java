package dev.jobmonitor.ui.jobs;

import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A cell that shows a short text of its value and a longer one as a tooltip. */
public final class TooltipTextCell<S, T> extends TableCell<S, T> {
    private final Tooltip tooltip = new Tooltip();
    private final Function<T, String> text;
    private final Function<T, String> tooltipText;

    public TooltipTextCell(Function<T, String> text, Function<T, String> tooltipText) {
        this.text = text;
        this.tooltipText = tooltipText;
    }

    @Override
    protected void updateItem(T value, boolean empty) {
        super.updateItem(value, empty);
        boolean filled = !empty && value != null;
        setText(filled ? text.apply(value) : null);
        tooltip.setText(filled ? tooltipText.apply(value) : "");
        setTooltip(filled ? tooltip : null);
    }
}
