package dev.jobmonitor.ui.job;

import dev.jobmonitor.watch.TimelineEntry;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A line of the connection history: its time, a marker for its kind and its text. The kind is
 * set as a pseudo-class such as {@code :dropped} or {@code :resumed}, so CSS colours the marker.
 */
final class TimelineCell extends ListCell<TimelineRow> {
    private final Label time = new Label();
    private final Label marker = new Label();
    private final Label text = new Label();
    private final HBox line = new HBox(time, marker, text);
    private final Tooltip fullText = new Tooltip();

    TimelineCell() {
        getStyleClass().add("timeline-cell");
        time.getStyleClass().add("timeline-time");
        marker.getStyleClass().add("timeline-marker");
        text.getStyleClass().add("timeline-text");
        line.getStyleClass().add("timeline-line");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        // Rows are as wide as the list, so a long text ends in "..." and shows whole in the
        // tooltip, instead of widening the list with a horizontal scroll bar.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(TimelineRow row, boolean empty) {
        super.updateItem(row, empty);
        TimelineEntry.Kind rowKind = empty || row == null ? null : row.kind();
        for (TimelineEntry.Kind each : TimelineEntry.Kind.values()) {
            pseudoClassStateChanged(pseudoClassOf(each), each == rowKind);
        }
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        time.setText(row.time());
        marker.setText(markerOf(row.kind()));
        text.setText(row.text());
        fullText.setText(row.text());
        setGraphic(line);
        setTooltip(fullText);
    }

    /** Returns the marker glyph of a kind. DejaVu Sans has every one of these glyphs. */
    static String markerOf(TimelineEntry.Kind kind) {
        switch (kind) {
            case CONNECTED:
            case RESUMED:
                return "\u25CF";
            case DROPPED:
                return "\u2715";
            case POLLING:
                return "\u21BB";
            case RETRY:
                return "\u21BA";
            case CANCEL:
                return "\u25A0";
            case STUCK:
                return "\u26A0";
            case PAUSED:
                return "\u2016";
            case OUTCOME:
                return "\u2691";
            default:
                throw new IllegalArgumentException("Unhandled timeline kind " + kind);
        }
    }

    private static PseudoClass pseudoClassOf(TimelineEntry.Kind kind) {
        return PseudoClass.getPseudoClass(kind.name().toLowerCase(Locale.ROOT));
    }
}
