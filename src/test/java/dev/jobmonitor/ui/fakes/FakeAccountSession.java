package dev.jobmonitor.ui.fakes;

import dev.jobmonitor.api.NotFoundException;
import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.CalendarStrategy;
import dev.jobmonitor.api.model.User;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.KnownJob;
import dev.jobmonitor.watch.RequestBudget;
import dev.jobmonitor.watch.WatchedJob;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An account session backed by lists a test fills. Futures and listeners complete on one
 * background thread, as the real session's scheduler does.
 */
public final class FakeAccountSession implements AccountSession {
    /** The only password {@link #signInAgain} accepts, the demo account's. */
    public static final String PASSWORD = "demo1234";

    private final ExecutorService scheduler = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fake-session-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Audience> audiences = new ConcurrentHashMap<>();
    private final List<String> audienceOrder = new CopyOnWriteArrayList<>();
    private final List<KnownJob> knownJobs = new CopyOnWriteArrayList<>();
    private final Map<String, KnownJob> openableJobs = new ConcurrentHashMap<>();
    private final Map<String, FakeWatchedJob> watches = new ConcurrentHashMap<>();
    private final List<Consumer<List<KnownJob>>> knownJobsListeners = new CopyOnWriteArrayList<>();
    private final List<String> requestedCalendars = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextJobNumber = new AtomicInteger(1);
    private final List<Consumer<SessionState>> sessionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RequestBudget.State>> budgetListeners =
            new CopyOnWriteArrayList<>();
    private final List<String> signInAgainPasswords = new CopyOnWriteArrayList<>();
    private final AtomicInteger audienceLoads = new AtomicInteger();
    private final List<String> removedJobs = new CopyOnWriteArrayList<>();
    private final URI serverUrl;
    private final User user;
    private volatile String jobInProgress;
    private volatile boolean closed;

    /** A session of Dana Demo on http://127.0.0.1:8080. */
    public FakeAccountSession() {
        this(URI.create("http://127.0.0.1:8080"),
                new User("user-1", "demo@example.test", "Dana", "Demo", "Demo Org"));
    }

    /** A session of {@code user} on {@code serverUrl}, for tests with several accounts. */
    public FakeAccountSession(URI serverUrl, User user) {
        this.serverUrl = serverUrl;
        this.user = user;
    }

    public void addAudience(Audience audience) {
        audiences.put(audience.id(), audience);
        if (!audienceOrder.contains(audience.id())) {
            audienceOrder.add(audience.id());
        }
    }

    /** Records a job as known, as if found on an audience, and notifies the listeners. */
    public void addKnownJob(KnownJob job) {
        knownJobs.removeIf(known -> known.jobId().equals(job.jobId()));
        knownJobs.add(0, job);
        notifyKnownJobs();
    }

    /** Lets {@link #openJob} find a job the session does not know yet. */
    public void addOpenableJob(String jobId, List<String> audienceIds) {
        openableJobs.put(jobId, new KnownJob(jobId, KnownJob.CONTENT_CALENDAR, audienceIds,
                Instant.parse("2026-12-04T10:00:00Z"), KnownJob.Source.OPENED));
    }

    /** Returns the watch of {@code jobId}, created if nothing watched it yet. */
    public FakeWatchedJob watchOf(String jobId) {
        return watches.computeIfAbsent(jobId, id -> new FakeWatchedJob(id, scheduler));
    }

    public List<String> requestedCalendars() {
        return List.copyOf(requestedCalendars);
    }

    /**
     * Makes calendar requests return {@code jobId}, as the backend does while a job of the
     * audience is in progress, instead of a new job.
     */
    public void returnJobInProgress(String jobId) {
        jobInProgress = jobId;
    }

    /** Notifies the session listeners on the scheduler thread that the session expired. */
    public void expire() {
        scheduler.execute(() -> sessionListeners.forEach(
                listener -> listener.accept(SessionState.EXPIRED)));
    }

    /** Notifies the budget listeners on the scheduler thread of a new budget state. */
    public void publishBudget(RequestBudget.State state) {
        scheduler.execute(() -> budgetListeners.forEach(listener -> listener.accept(state)));
    }

    /** How many times the audiences were loaded. */
    public int audienceLoads() {
        return audienceLoads.get();
    }

    /** The passwords {@link #signInAgain} was called with, in order. */
    public List<String> signInAgainPasswords() {
        return List.copyOf(signInAgainPasswords);
    }

    public boolean isClosed() {
        return closed;
    }

    /** The ids {@link #removeJobs} removed, in order. */
    public List<String> removedJobs() {
        return List.copyOf(removedJobs);
    }

    @Override
    public URI serverUrl() {
        return serverUrl;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public CompletableFuture<List<Audience>> loadAudiences() {
        audienceLoads.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            List<Audience> result = new ArrayList<>();
            audienceOrder.forEach(id -> result.add(audiences.get(id)));
            return result;
        }, scheduler);
    }

    @Override
    public CompletableFuture<Audience> loadAudience(String audienceId) {
        return CompletableFuture.supplyAsync(() -> {
            Audience audience = audiences.get(audienceId);
            if (audience == null) {
                throw new IllegalStateException("Audience not found: " + audienceId);
            }
            return audience;
        }, scheduler);
    }

    @Override
    public CompletableFuture<List<CalendarStrategy>> loadCalendars() {
        return CompletableFuture.supplyAsync(List::of, scheduler);
    }

    @Override
    public CompletableFuture<KnownJob> requestCalendar(String audienceId) {
        return CompletableFuture.supplyAsync(() -> {
            requestedCalendars.add(audienceId);
            String jobId = jobInProgress != null ? jobInProgress
                    : "job-new-" + nextJobNumber.getAndIncrement();
            KnownJob job = new KnownJob(jobId, KnownJob.CONTENT_CALENDAR, List.of(audienceId),
                    Instant.parse("2026-12-04T10:00:00Z"), KnownJob.Source.STARTED);
            knownJobs.removeIf(known -> known.jobId().equals(job.jobId()));
            knownJobs.add(0, job);
            notifyKnownJobsNow();
            return job;
        }, scheduler);
    }

    @Override
    public CompletableFuture<KnownJob> openJob(String jobId) {
        return CompletableFuture.supplyAsync(() -> {
            KnownJob job = openableJobs.get(jobId);
            if (job == null) {
                throw new CompletionException(
                        new NotFoundException("Job not found", "Job not found"));
            }
            knownJobs.add(0, job);
            notifyKnownJobsNow();
            return job;
        }, scheduler);
    }

    @Override
    public List<KnownJob> knownJobs() {
        return List.copyOf(knownJobs);
    }

    @Override
    public void addKnownJobsListener(Consumer<List<KnownJob>> listener) {
        knownJobsListeners.add(listener);
    }

    @Override
    public WatchedJob watch(String jobId) {
        return watchOf(jobId);
    }

    @Override
    public CompletableFuture<Void> removeJobs(Collection<String> jobIds) {
        List<String> ids = List.copyOf(jobIds);
        return CompletableFuture.runAsync(() -> {
            removedJobs.addAll(ids);
            knownJobs.removeIf(job -> ids.contains(job.jobId()));
            ids.forEach(watches::remove);
            notifyKnownJobsNow();
        }, scheduler);
    }

    @Override
    public CompletableFuture<Void> setPinned(String jobId, boolean pinned) {
        return CompletableFuture.runAsync(() -> {
            knownJobs.replaceAll(job -> job.jobId().equals(jobId) ? job.withPinned(pinned) : job);
            notifyKnownJobsNow();
        }, scheduler);
    }

    @Override
    public void addSessionStateListener(Consumer<SessionState> listener) {
        sessionListeners.add(listener);
    }

    /** Succeeds for {@link #PASSWORD}, then notifies the listeners that the session is active. */
    @Override
    public CompletableFuture<Void> signInAgain(char[] typed) {
        String attempt = new String(typed);
        return CompletableFuture.runAsync(() -> {
            signInAgainPasswords.add(attempt);
            if (!attempt.equals(PASSWORD)) {
                throw new CompletionException(new UnauthorizedException(
                        "Invalid credentials", "Invalid email or password"));
            }
            sessionListeners.forEach(listener -> listener.accept(SessionState.ACTIVE));
        }, scheduler);
    }

    @Override
    public void addBudgetListener(Consumer<RequestBudget.State> listener) {
        budgetListeners.add(listener);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void notifyKnownJobs() {
        scheduler.execute(this::notifyKnownJobsNow);
    }

    private void notifyKnownJobsNow() {
        List<KnownJob> snapshot = List.copyOf(knownJobs);
        knownJobsListeners.forEach(listener -> listener.accept(snapshot));
    }
}
