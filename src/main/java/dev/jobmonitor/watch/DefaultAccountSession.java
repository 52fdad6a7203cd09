package dev.jobmonitor.watch;

import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.api.BackendClient;
import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.CalendarStrategy;
import dev.jobmonitor.api.model.User;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link AccountSession} over a real backend: one client, scheduler, token manager and store. */
public final class DefaultAccountSession implements AccountSession {
    private static final Logger LOGGER = LoggerFactory.getLogger(DefaultAccountSession.class);
    private static final String PAUSED_NOTICE = "Paused until you sign in again.";

    private final URI serverUrl;
    private final User user;
    private final BackendClient client;
    private final TokenManager tokens;
    private final ExecutorTaskScheduler scheduler;
    private final KnownJobsStore store;
    private final WatchPolicy policy;
    private final RequestBudget budget;
    private final Random random = new Random();
    private final Map<String, JobWatcher> watchers = new ConcurrentHashMap<>();
    private final List<Consumer<SessionState>> sessionListeners = new CopyOnWriteArrayList<>();
    private volatile SessionState state = SessionState.ACTIVE;
    private volatile boolean closed;

    DefaultAccountSession(URI serverUrl, User user, BackendClient client, TokenManager tokens,
                          ExecutorTaskScheduler scheduler, KnownJobsStore store, WatchPolicy policy,
                          RequestBudget budget) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.client = client;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.store = store;
        this.policy = policy;
        this.budget = budget;
    }

    @Override
    public URI serverUrl() {
        return serverUrl;
    }

    @Override
    public User user() {
        return user;
    }

    /** The account's scheduler, for work that must share its clock and thread. */
    public TaskScheduler scheduler() {
        return scheduler;
    }

    @Override
    public CompletableFuture<List<Audience>> loadAudiences() {
        return authorized(client::audiences).thenCompose(audiences -> {
            List<CompletableFuture<Void>> lookups = new ArrayList<>();
            for (Audience audience : audiences) {
                // Only an audience without a calendar can show a running job's id in its detail.
                if (audience.hasCalendar()) {
                    continue;
                }
                // Discovery is the first work to give up when the budget runs low, so that the
                // requests confirming watched jobs' outcomes still fit.
                if (!budget.delayFor(RequestBudget.Priority.ROUTINE).isZero()) {
                    LOGGER.info("Skipping job discovery on the remaining audiences: request budget low");
                    break;
                }
                lookups.add(discoverJob(audience.id()));
            }
            return CompletableFuture.allOf(lookups.toArray(new CompletableFuture<?>[0]))
                    .thenApply(done -> audiences);
        });
    }

    private CompletableFuture<Void> discoverJob(String audienceId) {
        budget.recordRequest();
        return authorized(() -> client.audience(audienceId)).handle((detail, failure) -> {
            if (failure != null) {
                LOGGER.warn("Could not read audience {} to look for its job: {}", audienceId,
                        failure.getMessage());
            } else if (detail.contentCalendarJobId() != null && !detail.contentCalendarJobId().isBlank()) {
                record(detail.contentCalendarJobId(), List.of(audienceId), KnownJob.Source.DISCOVERED);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Audience> loadAudience(String audienceId) {
        return authorized(() -> client.audience(audienceId));
    }

    @Override
    public CompletableFuture<List<CalendarStrategy>> loadCalendars() {
        return authorized(client::contentCalendarStrategies);
    }

    @Override
    public CompletableFuture<KnownJob> requestCalendar(String audienceId) {
        return authorized(() -> client.requestContentCalendar(audienceId)).thenApply(request -> {
            LOGGER.info("Calendar for audience {} is job {} ({})", audienceId, request.jobId(),
                    request.created() ? "new" : "already running");
            return record(request.jobId(), List.of(audienceId), KnownJob.Source.STARTED).orElseThrow();
        });
    }

    @Override
    public CompletableFuture<KnownJob> openJob(String jobId) {
        String id = jobId == null ? "" : jobId.trim();
        if (id.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Enter a job id."));
        }
        return authorized(() -> client.status(id))
                .thenApply(status -> record(id, List.of(), KnownJob.Source.OPENED).orElseThrow());
    }

    /**
     * Records a job found by other means, such as the demo backend's seed list. Returns empty
     * when the user removed the job and {@code source} is not a request of the user.
     */
    public Optional<KnownJob> record(String jobId, List<String> audienceIds,
                                     KnownJob.Source source) {
        return store.add(new KnownJob(jobId, KnownJob.CONTENT_CALENDAR, audienceIds,
                scheduler.now(), source));
    }

    @Override
    public List<KnownJob> knownJobs() {
        return store.list();
    }

    @Override
    public void addKnownJobsListener(Consumer<List<KnownJob>> listener) {
        store.addListener(jobs -> scheduler.execute(() -> listener.accept(jobs)));
    }

    @Override
    public WatchedJob watch(String jobId) {
        if (closed) {
            throw new IllegalStateException("The session of " + serverUrl + " is closed");
        }
        return watchers.computeIfAbsent(jobId, id -> {
            JobWatcher watcher = new JobWatcher(id, client, scheduler, policy, random, budget,
                    error -> tokens.onUnauthorized());
            watcher.start();
            if (state == SessionState.EXPIRED) {
                watcher.pause(PAUSED_NOTICE);
            }
            return watcher;
        });
    }

    @Override
    public CompletableFuture<Void> removeJobs(Collection<String> jobIds) {
        List<String> ids = List.copyOf(jobIds);
        return CompletableFuture.runAsync(() -> {
            for (String jobId : ids) {
                JobWatcher watcher = watchers.remove(jobId);
                if (watcher != null) {
                    watcher.stop();
                }
            }
            int removed = store.removeAll(ids);
            LOGGER.info("Removed {} of jobs {} from the known jobs of {} on {}", removed, ids,
                    user.email(), serverUrl);
        }, scheduler::execute);
    }

    @Override
    public CompletableFuture<Void> setPinned(String jobId, boolean pinned) {
        return CompletableFuture.runAsync(() -> {
            if (!store.setPinned(jobId, pinned)) {
                LOGGER.warn("Cannot pin job {}: not a known job of {} on {}", jobId, user.email(),
                        serverUrl);
            }
        }, scheduler::execute);
    }

    @Override
    public void addSessionStateListener(Consumer<SessionState> listener) {
        sessionListeners.add(listener);
    }

    @Override
    public void addBudgetListener(Consumer<RequestBudget.State> listener) {
        budget.addListener(listener);
    }

    @Override
    public CompletableFuture<Void> signInAgain(char[] password) {
        LOGGER.info("Signing in to {} again", serverUrl);
        return client.login(user.email(), new String(password)).thenAccept(login -> {
            tokens.update(login.accessToken(), login.refreshToken());
            state = SessionState.ACTIVE;
            LOGGER.info("Signed in to {} again; resuming {} watches", serverUrl, watchers.size());
            watchers.values().forEach(JobWatcher::resume);
            sessionListeners.forEach(listener -> listener.accept(SessionState.ACTIVE));
        });
    }

    /**
     * Pauses every watch after the refresh token was rejected: without a valid token every
     * request would fail, so the account stops its traffic until the user signs in again.
     */
    void expire(ApiException cause) {
        if (closed || state == SessionState.EXPIRED) {
            return;
        }
        state = SessionState.EXPIRED;
        LOGGER.warn("Session of {} on {} expired ({}); pausing {} watches", user.email(), serverUrl,
                cause.getMessage(), watchers.size());
        watchers.values().forEach(watcher -> watcher.pause(PAUSED_NOTICE));
        sessionListeners.forEach(listener -> listener.accept(SessionState.EXPIRED));
    }

    /**
     * Runs a call and, when the server rejects the token with 401, refreshes it once and replays
     * the call with the new token.
     */
    private <T> CompletableFuture<T> authorized(Supplier<CompletableFuture<T>> call) {
        // NOTE: calls made through here are not recorded in the budget's own count; only the
        // server's RateLimit headers account for them.
        String used = tokens.accessToken();
        return call.get().handle((value, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (!(cause instanceof UnauthorizedException)) {
                return CompletableFuture.<T>failedFuture(cause);
            }
            LOGGER.info("Token rejected by {}; refreshing and replaying once", serverUrl);
            return tokens.refreshAfterRejection(used).thenCompose(fresh -> call.get());
        }).thenCompose(Function.identity());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOGGER.info("Closing the session of {} on {}", user.email(), serverUrl);
        watchers.values().forEach(JobWatcher::stop);
        sessionListeners.clear();
        tokens.stop();
        // Let the stop tasks run before the scheduler thread ends.
        scheduler.execute(scheduler::close);
    }
}
