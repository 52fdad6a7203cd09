package dev.jobmonitor.ui.job;

import dev.jobmonitor.watch.TimelineEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a job's connection history as the job detail shows it.
 *
 * @param time the entry's time of day, HH:mm:ss
 * @param kind what happened, which picks the line's marker
 * @param text the watch's description of it
 */
public record TimelineRow(String time, TimelineEntry.Kind kind, String text) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Converts the watch's entries, oldest first, into rows with the newest first. */
    static List<TimelineRow> newestFirst(List<TimelineEntry> entries, ZoneId zone) {
        List<TimelineRow> rows = new ArrayList<>(entries.size());
        for (int i = entries.size() - 1; i >= 0; i--) {
            TimelineEntry entry = entries.get(i);
            rows.add(new TimelineRow(TIME.withZone(zone).format(entry.at()), entry.kind(),
                    entry.text()));
        }
        return rows;
    }
}
