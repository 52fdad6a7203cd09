package dev.jobmonitor.api;

import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ProgressData;

/**
 * One named event from a job's SSE stream, parsed from its {@code data:} JSON. Events the client
 * does not use, and data that is not the JSON it expects, become {@link Ignored} rather than
 * errors, so one odd event never kills a stream.
 */
public sealed interface JobEvent {

    /** First event of every connection; each reconnect gets a new connection id. */
    record Connected(String connectionId, String jobId, Integer maxAgeSeconds) implements JobEvent {
    }

    /** {@code progress-update} or {@code step-change}; {@code name} tells which. */
    record Progress(String name, ProgressData data) implements JobEvent {
    }

    /** The job finished as {@code succeeded}; the result may still list failed strategies. */
    record Complete(CalendarResult result) implements JobEvent {
    }

    /** The job finished as {@code failed}, for a content calendar most often "Cancelled". */
    record Failed(String error, String errorCode) implements JobEvent {
    }

    /** The server will stop this stream soon (240 s after connect on the real backend). */
    record StreamTimeout(String message) implements JobEvent {
    }

    /** An event this client does not act on, or one whose data could not be parsed. */
    record Ignored(String name, String reason) implements JobEvent {
    }
}
