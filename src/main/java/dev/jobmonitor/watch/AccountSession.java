package dev.jobmonitor.watch;

import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.CalendarStrategy;
import dev.jobmonitor.api.model.User;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A signed-in account: one server and one user, with its own tokens, known jobs, request pacing
 * and scheduler. Futures complete on background threads, never on the JavaFX thread; failures
 * are {@link dev.jobmonitor.api.ApiException}s.
 */
public interface AccountSession extends AutoCloseable {
    URI serverUrl();

    User user();

    /** Loads the audiences and records jobs found on audiences that have no calendar yet. */
    CompletableFuture<List<Audience>> loadAudiences();

    /** Loads one audience in detail, calendar ideas included. */
    CompletableFuture<Audience> loadAudience(String audienceId);

    /** Loads {@code GET /strategies/content-calendar}. */
    CompletableFuture<List<CalendarStrategy>> loadCalendars();

    /** Requests a new calendar for the audience and records the job; returns its id. */
    CompletableFuture<KnownJob> requestCalendar(String audienceId);

    /** Checks that the job exists for this user, records it and returns it. */
    CompletableFuture<KnownJob> openJob(String jobId);

    /** The known jobs, newest first. */
    List<KnownJob> knownJobs();

    /** Calls {@code listener} on the scheduler thread with the full list after every change. */
    void addKnownJobsListener(Consumer<List<KnownJob>> listener);

    /** Starts following the job, or returns the watch already running for it. */
    WatchedJob watch(String jobId);

    /** Stops every watch and releases this account's threads and connections. */
    @Override
    void close();
}
