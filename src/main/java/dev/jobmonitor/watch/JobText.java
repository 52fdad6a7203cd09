package dev.jobmonitor.watch;

import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ServerJobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words shown for a job snapshot, shared by the window and the console watch mode so both show
 * the same text. Plain Java: no JavaFX.
 */
public final class JobText {
    /** Matches the "Strategy X of Y: " prefix the backend puts on steps of multi-strategy jobs. */
    public static final Pattern STRATEGY_PREFIX =
            Pattern.compile("^\\s*Strategy\\s+(\\d+)\\s+of\\s+(\\d+)\\s*:\\s*");

    /**
     * Start of the notice a watch publishes once the server has not found its job for four
     * maximum poll intervals, which most likely means the job was deleted.
     */
    public static final String NOT_FOUND_NOTICE_START = "The server has not found this job since ";

    private JobText() {
    }

    /**
     * True while the watch reports that the server has not found the job for a long time. The
     * watch then keeps its last known state, which is no outcome, and checks again now and then.
     */
    public static boolean isNotFoundForLong(JobSnapshot job) {
        return job.notice() != null && job.notice().startsWith(NOT_FOUND_NOTICE_START);
    }

    /**
     * The ETA text: "About 40s remaining" counted down from when the estimate arrived, and
     * "Taking longer than estimated" once the estimate has run out while the job still runs.
     * It is empty when there is no estimate, when the job has an outcome and while the job
     * waits in the queue. It never shows zero or less.
     */
    public static Optional<String> eta(JobSnapshot job, Instant now) {
        if (job.isFinished() || job.etaSeconds() == null || job.etaReceivedAt() == null
                || !hasCurrentData(job)) {
            return Optional.empty();
        }
        if (job.serverState() == ServerJobState.QUEUED) {
            // A retry queues the job with the failed run's estimate still set, and the queue
            // may hold it for longer than any estimate.
            return Optional.empty();
        }
        long elapsedMillis = Math.max(0, Duration.between(job.etaReceivedAt(), now).toMillis());
        long remainingMillis = job.etaSeconds() * 1000L - elapsedMillis;
        if (remainingMillis < 1000) {
            return Optional.of("Taking longer than estimated");
        }
        long remainingSeconds = (remainingMillis + 999) / 1000;
        return Optional.of("About " + duration(remainingSeconds) + " remaining");
    }

    /**
     * True while the watch gets data from the server: the stream is live, or status checks
     * succeed. A failing check leaves its notice on the snapshot until the next one succeeds.
     * Without current data a countdown or "still working" would claim more than the client can tell.
     */
    public static boolean hasCurrentData(JobSnapshot job) {
        switch (job.state()) {
            case LIVE:
            case CONNECTING:
                return true;
            case PAUSED:
                return false;
            default:
                return job.notice() == null;
        }
    }

    /** True when the job still runs but its last estimate has run out. */
    public static boolean isOverdue(JobSnapshot job, Instant now) {
        return eta(job, now).filter(text -> text.startsWith("Taking longer")).isPresent();
    }

    /** "Last update 1m 5s ago", or empty before the first update. */
    public static Optional<String> sinceLastUpdate(JobSnapshot job, Instant now) {
        if (job.lastUpdateAt() == null) {
            return Optional.empty();
        }
        long seconds = Math.max(0, Duration.between(job.lastUpdateAt(), now).getSeconds());
        return Optional.of(seconds < 2 ? "Updated just now" : "Last update " + duration(seconds) + " ago");
    }

    /** "Strategy 2 of 3" for a job over more than one strategy, else empty. */
    public static Optional<String> strategyBadge(JobSnapshot job) {
        Integer total = job.strategyTotal();
        if (total == null || total <= 1) {
            return Optional.empty();
        }
        int index = job.strategyIndex() == null ? 0 : job.strategyIndex();
        int number = Math.min(Math.max(index + 1, 1), total);
        return Optional.of("Strategy " + number + " of " + total);
    }

    /** The current step for display, without the "Strategy X of Y: " prefix the badge shows. */
    public static String stepLabel(JobSnapshot job) {
        switch (job.state()) {
            case SUCCEEDED:
                return "Calendar generated";
            case PARTLY_FAILED:
                return partialSummary(job.result());
            case FAILED:
                return job.error() == null ? "Failed" : "Failed: " + job.error();
            default:
                break;
        }
        String step = job.currentStep();
        if (step == null || step.isBlank()) {
            if (job.serverState() == ServerJobState.QUEUED) {
                return "Queued, waiting for a worker";
            }
            if (job.serverState() == ServerJobState.RUNNING) {
                return "Working…";
            }
            return job.state() == WatchState.CONNECTING ? "Connecting…" : "Waiting for the first update";
        }
        return STRATEGY_PREFIX.matcher(step).replaceFirst("");
    }

    /** Short name of the connection mode or outcome: Live, Polling, Reconnecting and so on. */
    public static String stateLabel(WatchState state) {
        switch (state) {
            case CONNECTING:
                return "Connecting";
            case LIVE:
                return "Live";
            case POLLING:
                return "Polling";
            case RECONNECTING:
                return "Reconnecting";
            case PAUSED:
                return "Paused";
            case SUCCEEDED:
                return "Succeeded";
            case PARTLY_FAILED:
                return "Partly failed";
            case FAILED:
                return "Failed";
            default:
                throw new IllegalArgumentException("Unhandled state " + state);
        }
    }

    /**
     * The state label for a snapshot: as {@link #stateLabel(WatchState)}, except "All failed"
     * for a job that succeeded as a whole while every one of its strategies failed.
     */
    public static String stateLabel(JobSnapshot job) {
        if (job.state() == WatchState.PARTLY_FAILED && allStrategiesFailed(job.result())) {
            return "All failed";
        }
        return stateLabel(job.state());
    }

    /** True when a result reports that no strategy succeeded. */
    public static boolean allStrategiesFailed(CalendarResult result) {
        if (result == null) {
            return false;
        }
        if (Boolean.FALSE.equals(result.success())) {
            return true;
        }
        return !result.results().isEmpty() && result.results().stream().noneMatch(r -> r.succeeded());
    }

    /** "2 of 3 strategies failed", or "All strategies failed" when none succeeded. */
    public static String partialSummary(CalendarResult result) {
        if (result == null) {
            return "Some strategies failed";
        }
        long failed = result.results().stream().filter(r -> !r.succeeded()).count();
        if (failed == 0 && result.failed() != null) {
            failed = result.failed();
        }
        int total = result.strategyCount() != null ? result.strategyCount() : result.results().size();
        if (Boolean.FALSE.equals(result.success()) || (total > 0 && failed >= total)) {
            return total > 1 ? "All " + total + " strategies failed" : "The strategy failed";
        }
        return failed + " of " + total + " strategies failed";
    }

    /** Reads the "Strategy X of Y: " prefix of a step into {index (0-based), total}, if present. */
    public static Optional<int[]> parseStrategyPrefix(String step) {
        if (step == null) {
            return Optional.empty();
        }
        Matcher matcher = STRATEGY_PREFIX.matcher(step);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(matcher.group(1));
            int total = Integer.parseInt(matcher.group(2));
            return Optional.of(new int[] {number - 1, total});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "40s", "1m 5s" or "2h 3m". */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            long rest = seconds % 60;
            return seconds / 60 + "m" + (rest == 0 ? "" : " " + rest + "s");
        }
        long minutes = seconds / 60 % 60;
        return seconds / 3600 + "h" + (minutes == 0 ? "" : " " + minutes + "m");
    }
}
