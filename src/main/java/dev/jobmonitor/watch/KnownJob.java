package dev.jobmonitor.watch;

import java.time.Instant;
import java.util.List;

/**
 * A job this client knows of. The backend has no job list and its status carries no job type,
 * so the client records each job's type, audiences and origin itself.
 *
 * @param jobId       the backend's job id
 * @param type        the job type, "content_calendar" for every job this client starts
 * @param audienceIds the audiences (strategies) the job generates calendars for; may be empty
 *                    for a job opened by id
 * @param foundAt     when this client first learned of the job
 * @param source      how it learned of it
 * @param pinned      whether the user pinned the job, which keeps it at the top of the list and
 *                    out of "Remove all finished"
 */
public record KnownJob(String jobId, String type, List<String> audienceIds, Instant foundAt,
                       Source source, boolean pinned) {
    public static final String CONTENT_CALENDAR = "content_calendar";

    public KnownJob {
        audienceIds = audienceIds == null ? List.of() : List.copyOf(audienceIds);
    }

    /** Creates a job that is not pinned. */
    public KnownJob(String jobId, String type, List<String> audienceIds, Instant foundAt,
                    Source source) {
        this(jobId, type, audienceIds, foundAt, source, false);
    }

    /** Returns this job with the pinned flag set to {@code pin}. */
    public KnownJob withPinned(boolean pin) {
        return new KnownJob(jobId, type, audienceIds, foundAt, source, pin);
    }

    /** Whether the user asked for this job, so it returns even after the user removed it. */
    boolean isRequestedByUser() {
        return source == Source.STARTED || source == Source.OPENED;
    }

    /** How the client learned of a job. */
    public enum Source {
        /** This client requested the job. */
        STARTED,
        /** The user opened the job by its id. */
        OPENED,
        /** Found as {@code content_calendar_job_id} on an audience without a calendar. */
        DISCOVERED,
        /** Listed by the embedded demo backend at start. */
        DEMO_SEED
    }
}
