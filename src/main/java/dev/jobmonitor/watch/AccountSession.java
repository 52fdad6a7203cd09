package dev.jobmonitor.watch;

import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.CalendarStrategy;
import dev.jobmonitor.api.model.User;
import java.net.URI;
import java.util.Collection;
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

    /**
     * Stops watching the jobs and removes them from the known jobs, on disk too. Discovery on
     * audiences does not bring them back; requesting or opening one again does.
     */
    CompletableFuture<Void> removeJobs(Collection<String> jobIds);

    /** Pins or unpins a known job; the known-jobs listeners then get the changed list. */
    CompletableFuture<Void> setPinned(String jobId, boolean pinned);

    /** Whether the account can make requests or waits for the user to sign in again. */
    enum SessionState { ACTIVE, EXPIRED }

    /**
     * Calls {@code listener} on a background thread whenever the session expires (its refresh
     * token was rejected, so every watch is paused) or becomes active again.
     */
    default void addSessionStateListener(Consumer<SessionState> listener) {
    }

    /**
     * Signs the same user in again after the session expired and resumes every paused watch.
     * Fails with {@link dev.jobmonitor.api.UnauthorizedException} for a wrong password.
     */
    default CompletableFuture<Void> signInAgain(char[] password) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("signInAgain"));
    }

    /**
     * Calls {@code listener} on a background thread whenever requests start or stop waiting for
     * the server's request budget.
     */
    default void addBudgetListener(Consumer<RequestBudget.State> listener) {
    }

    /** Stops every watch and releases this account's threads and connections. */
    @Override
    void close();
}
