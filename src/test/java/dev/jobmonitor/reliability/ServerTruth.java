package dev.jobmonitor.reliability;

import dev.jobmonitor.api.Json;
import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.JobSnapshot;
import dev.jobmonitor.watch.WatchState;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The outcome recorded in the demo backend's job row, in the client's terms. */
final class ServerTruth {
    private ServerTruth() {
    }

    /** The outcome the client must show for the job's final row, or null while it runs. */
    static WatchState outcomeOf(DemoBackend backend, String jobId) {
        JobSnapshot row = backend.job(jobId).orElseThrow();
        switch (row.status()) {
            case "failed":
                return WatchState.FAILED;
            case "succeeded":
                return hasFailedStrategies(row) ? WatchState.PARTLY_FAILED : WatchState.SUCCEEDED;
            default:
                return null;
        }
    }

    private static boolean hasFailedStrategies(JobSnapshot row) {
        if (row.resultJson() == null) {
            return false;
        }
        try {
            return Json.MAPPER.readValue(row.resultJson(), CalendarResult.class).hasFailedStrategies();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable result of job " + row.jobId(), e);
        }
    }
}
