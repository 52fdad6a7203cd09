package dev.jobmonitor.ui.job;

import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.JobText;
import dev.jobmonitor.watch.TimelineEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The warnings of a job's watch: its notice, a job the server has not found for long, and an
 * attempt stuck in the queue. Neither warning is an outcome, so the job keeps its last known
 * state. Every method must be called on the FX thread.
 */
public final class WatchWarnings {
    private static final DateTimeFormatter QUEUED_SINCE = DateTimeFormatter.ofPattern("HH:mm");

    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper notFound = new ReadOnlyBooleanWrapper(this, "notFound");
    private final ReadOnlyStringWrapper notFoundText =
            new ReadOnlyStringWrapper(this, "notFoundText", "");
    private final ReadOnlyBooleanWrapper stuckInQueue =
            new ReadOnlyBooleanWrapper(this, "stuckInQueue");
    private final ReadOnlyStringWrapper stuckText =
            new ReadOnlyStringWrapper(this, "stuckText", "");

    /**
     * Takes a new snapshot; times of day are shown in {@code zone}. Each warning shows the
     * watch's notice in its own box, so the plain notice is then empty.
     */
    void applyFx(JobSnapshot next, ZoneId zone) {
        boolean missing = !next.isFinished() && JobText.isNotFoundForLong(next);
        boolean stuck = next.stuckInQueue() && !next.isFinished();
        String text = Objects.requireNonNullElse(next.notice(), "");

        notFound.set(missing);
        notFoundText.set(missing ? text : "");
        stuckInQueue.set(stuck);
        stuckText.set(stuck ? stuckText(next, zone) : "");
        boolean shownInBox = missing || (stuck && text.equals(lastStuckEntryText(next)));
        notice.set(shownInBox ? "" : text);
    }

    private static String stuckText(JobSnapshot job, ZoneId zone) {
        String since = job.queuedSince() == null ? "?"
                : QUEUED_SINCE.withZone(zone).format(job.queuedSince());
        return job.attempt() > 1 ? UiText.get("job.stuck.afterRetry", since)
                : UiText.get("job.stuck.firstRun", since);
    }

    /** Returns the text of the watch's last stuck-in-queue entry, which is also its notice. */
    private static String lastStuckEntryText(JobSnapshot job) {
        List<TimelineEntry> timeline = job.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).kind() == TimelineEntry.Kind.STUCK) {
                return timeline.get(i).text();
            }
        }
        return null;
    }

    /** A message about the watch itself, such as a dropped stream, or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True while the server has not found the job for long; the job has no outcome then. */
    public ReadOnlyBooleanProperty notFoundProperty() {
        return notFound.getReadOnlyProperty();
    }

    public boolean isNotFound() {
        return notFound.get();
    }

    /** The watch's notice about the missing job while {@link #notFoundProperty()} is true. */
    public ReadOnlyStringProperty notFoundTextProperty() {
        return notFoundText.getReadOnlyProperty();
    }

    /** True while the attempt has stayed queued far longer than a worker needs to start it. */
    public ReadOnlyBooleanProperty stuckInQueueProperty() {
        return stuckInQueue.getReadOnlyProperty();
    }

    public boolean isStuckInQueue() {
        return stuckInQueue.get();
    }

    /** "Probably not re-run by the backend: queued since 14:03 after Retry." or empty. */
    public ReadOnlyStringProperty stuckTextProperty() {
        return stuckText.getReadOnlyProperty();
    }
}
