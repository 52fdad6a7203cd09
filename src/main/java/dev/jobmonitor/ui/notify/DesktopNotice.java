package dev.jobmonitor.ui.notify;

import java.util.Objects;

/**
 * One desktop notification.
 *
 * @param kind  what happened, which picks the notification's icon
 * @param jobId the job to select when the user clicks the notification, or null for none
 * @param title the first line, such as "Job 40423aa1 succeeded"
 * @param text  the details below the title, or empty
 */
public record DesktopNotice(Kind kind, String jobId, String title, String text) {
    /** The subject of a notification. */
    public enum Kind {
        SUCCEEDED, PARTLY_FAILED, FAILED, STUCK_IN_QUEUE, SESSION_EXPIRED
    }

    public DesktopNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text;
    }
}
