package dev.jobmonitor.ui.job;

import dev.jobmonitor.watch.TimelineEntry;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A job's connection history as the job detail lists it: connects, drops, polling, resumes,
 * Retry, Cancel and the outcome, newest first. Every method must be called on the FX thread.
 */
public final class ConnectionHistory {
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> readOnlyRows =
            FXCollections.unmodifiableObservableList(rows);
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded");

    /** Takes the watch's timeline, oldest first, and shows its times in {@code zone}. */
    private List<TimelineEntry> lastTimeline = List.of();
    private ZoneId lastZone;

    void applyFx(List<TimelineEntry> timeline, ZoneId zone) {
        // Most snapshots are progress updates with the same history; skip formatting it again.
        if (timeline.equals(lastTimeline) && zone.equals(lastZone)) {
            return;
        }
        lastTimeline = timeline;
        lastZone = zone;
        List<TimelineRow> next = TimelineRow.newestFirst(timeline, zone);
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
    }

    /** The history's rows, newest first. */
    public ObservableList<TimelineRow> getRows() {
        return readOnlyRows;
    }

    /** Whether the job detail shows the history open; kept when another job is shown. */
    public BooleanProperty expandedProperty() {
        return expanded;
    }
}
