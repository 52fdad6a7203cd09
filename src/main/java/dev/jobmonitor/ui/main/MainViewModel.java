package dev.jobmonitor.ui.main;

import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.ServerJobState;
import dev.jobmonitor.api.model.User;
import dev.jobmonitor.ui.ClockTicker;
import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.ui.audiences.AudienceItem;
import dev.jobmonitor.ui.job.JobContext;
import dev.jobmonitor.ui.job.JobHost;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.KnownJob;
import dev.jobmonitor.watch.WatchState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signed-in account in the window: its audiences, its known jobs (each followed live), its
 * session expiry and request limit. The selected job belongs to the window, which all accounts
 * share (see {@link WorkspaceViewModel}). Results from the session arrive through the
 * {@link FxHandoff}; every public method must be called on the FX thread.
 */
public final class MainViewModel implements JobHost {
    private static final Logger LOGGER = LoggerFactory.getLogger(MainViewModel.class);
    /**
     * A job id as the backend issues them: a UUID with hyphens. The backend returns 500 and a
     * database error about UUID syntax for any other id, so such ids are rejected beforehand.
     */
    private static final Pattern JOB_ID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /**
     * How often the audiences reload on their own: 7.5 requests per 15 minutes, against the
     * backend's 200 per 15 minutes per IP.
     */
    static final Duration AUDIENCE_REFRESH_INTERVAL = Duration.ofMinutes(2);

    private final AccountSession session;
    private final FxHandoff handoff;
    private final Clock clock;
    private final ClockTicker ticker = new ClockTicker();
    private final JobContext jobContext;
    private final Map<String, JobViewModel> jobsById = new HashMap<>();
    private final Map<String, AudienceItem> audiencesById = new LinkedHashMap<>();
    private final SessionExpiryViewModel sessionExpiry;
    private final RequestLimitViewModel requestLimit;
    /** "jobId#attempt" of every outcome announced, so none is announced twice. */
    private final Set<String> announcedOutcomes = new HashSet<>();
    /** Jobs the user removed, so a list sent before the removal does not restore them. */
    private final Set<String> removedJobIds = new HashSet<>();
    private String pendingSelection;
    private Instant lastAudienceLoad;

    private final ObservableList<AudienceItem> audiences = FXCollections.observableArrayList();
    private final ObservableList<JobViewModel> jobs = FXCollections.observableArrayList();
    private final ObservableList<AudienceItem> readOnlyAudiences =
            FXCollections.unmodifiableObservableList(audiences);
    private final ObservableList<JobViewModel> readOnlyJobs =
            FXCollections.unmodifiableObservableList(jobs);
    private final ObjectProperty<JobViewModel> selectedJob;
    private final ReadOnlyObjectWrapper<AudienceItem> selectedAudience =
            new ReadOnlyObjectWrapper<>(this, "selectedAudience");
    private final ReadOnlyBooleanWrapper loadingAudiences =
            new ReadOnlyBooleanWrapper(this, "loadingAudiences");
    private final ReadOnlyStringWrapper audiencesMessage =
            new ReadOnlyStringWrapper(this, "audiencesMessage", "");
    private final ReadOnlyBooleanWrapper requestingCalendar =
            new ReadOnlyBooleanWrapper(this, "requestingCalendar");
    private final ReadOnlyBooleanWrapper canRegenerate =
            new ReadOnlyBooleanWrapper(this, "canRegenerate");
    private final StringProperty openJobId = new SimpleStringProperty(this, "openJobId", "");
    private final ReadOnlyBooleanWrapper openingJob = new ReadOnlyBooleanWrapper(this, "openingJob");
    private final ReadOnlyStringWrapper openJobMessage =
            new ReadOnlyStringWrapper(this, "openJobMessage", "");
    private final ReadOnlyStringWrapper userText = new ReadOnlyStringWrapper(this, "userText", "");
    private final ReadOnlyStringWrapper serverText =
            new ReadOnlyStringWrapper(this, "serverText", "");
    private final String accountLabel;
    private final String accountDescription;
    private final ReadOnlyObjectWrapper<OutcomeNotice> lastOutcomeNotice =
            new ReadOnlyObjectWrapper<>(this, "lastOutcomeNotice");

    /** Creates the account's state with a selected job of its own, for a window of one account. */
    public MainViewModel(AccountSession session, FxHandoff handoff, Clock clock) {
        this(session, handoff, clock, new SimpleObjectProperty<>());
    }

    /**
     * Creates the account's state. {@code selection} is the window's selected job, which every
     * account of the window shares: an account selects a job there only when the user acts on
     * the account, or while nothing is selected.
     */
    public MainViewModel(AccountSession session, FxHandoff handoff, Clock clock,
                         ObjectProperty<JobViewModel> selection) {
        this.session = session;
        this.handoff = handoff;
        this.clock = clock;
        this.selectedJob = selection;
        this.jobContext = new JobContext(session, handoff, clock, ticker, this);
        this.sessionExpiry = new SessionExpiryViewModel(session, handoff);
        this.requestLimit = new RequestLimitViewModel(session, handoff, clock);
        userText.set(UiText.get("main.signedInAs", userName(session.user())));
        serverText.set(session.serverUrl().toString());
        accountLabel = labelOf(session);
        accountDescription = UiText.get("account.description", userName(session.user()),
                session.serverUrl().toString());
        selectedAudience.addListener((observable, oldItem, newItem) -> updateCanRegenerateFx());
        requestingCalendar.addListener((observable, was, is) -> updateCanRegenerateFx());
    }

    /** Starts following the known jobs, the session and its request budget; loads audiences. */
    public void start() {
        FxHandoff.Slot<List<KnownJob>> knownJobsSlot = handoff.newSlot(this::syncJobsFx);
        session.addKnownJobsListener(knownJobsSlot::offer);
        syncJobsFx(session.knownJobs());
        sessionExpiry.start();
        // Audiences loaded before the session expired may be stale by the time it is back.
        sessionExpiry.expiredProperty().addListener((observable, was, is) -> {
            if (was && !is) {
                refresh();
            }
        });
        requestLimit.start();
        ticker.addListenerFx(requestLimit::refreshFx);
        ticker.addListenerFx(this::refreshWhenDueFx);
        ticker.startFx();
        refresh();
    }

    /**
     * Reloads the audiences every {@link #AUDIENCE_REFRESH_INTERVAL}, so jobs started elsewhere
     * (another window, the web app) appear without a click. Skipped while the session is expired
     * or requests wait for the server's limit.
     */
    private void refreshWhenDueFx() {
        if (lastAudienceLoad == null || sessionExpiry.isExpired()
                || requestLimit.waitingProperty().get()) {
            return;
        }
        if (!clock.instant().isBefore(lastAudienceLoad.plus(AUDIENCE_REFRESH_INTERVAL))) {
            LOGGER.debug("Reloading the audiences of {} on schedule", accountLabel);
            refresh();
        }
    }

    /** Reloads the audiences; the known jobs found on them are added by the session. */
    public void refresh() {
        if (loadingAudiences.get()) {
            return;
        }
        loadingAudiences.set(true);
        audiencesMessage.set("");
        lastAudienceLoad = clock.instant();
        handoff.deliver(session.loadAudiences(), this::audiencesLoadedFx, this::audiencesFailedFx);
    }

    public void selectAudience(AudienceItem item) {
        selectedAudience.set(item);
    }

    public void selectJob(JobViewModel job) {
        selectedJob.set(job);
    }

    /** Selects the job with this id, if the table lists it. */
    public void selectJob(String jobId) {
        JobViewModel job = jobsById.get(jobId);
        if (job != null) {
            selectedJob.set(job);
        }
    }

    /** Requests a new calendar for the selected audience and selects the job it starts. */
    public void regenerateSelectedAudience() {
        AudienceItem item = selectedAudience.get();
        if (!canRegenerate.get() || item == null) {
            return;
        }
        LOGGER.info("Requesting a calendar for audience {}", item.getId());
        requestingCalendar.set(true);
        audiencesMessage.set("");
        handoff.deliver(session.requestCalendar(item.getId()), job -> {
            requestingCalendar.set(false);
            jobsStartedFx(List.of(job));
        }, failure -> {
            LOGGER.warn("Requesting a calendar for audience {} failed", item.getId(), failure);
            requestingCalendar.set(false);
            audiencesMessage.set(UiText.get("main.regenerate.failed", failure.getMessage()));
        });
    }

    /**
     * Opens the job whose id is in {@link #openJobIdProperty()} and selects it. A job already
     * in the table, by its id or its short id, is selected without a request.
     */
    public void openJob() {
        String jobId = openJobId.get() == null ? "" : openJobId.get().trim();
        if (jobId.isEmpty()) {
            openJobMessage.set(UiText.get("main.openJob.empty"));
            return;
        }
        JobViewModel known = findJob(jobId);
        if (known != null) {
            openJobId.set("");
            openJobMessage.set("");
            selectedJob.set(known);
            return;
        }
        if (!JOB_ID.matcher(jobId).matches()) {
            openJobMessage.set(UiText.get("main.openJob.invalid", jobId));
            return;
        }
        if (openingJob.get()) {
            return;
        }
        openingJob.set(true);
        openJobMessage.set("");
        handoff.deliver(session.openJob(jobId), job -> {
            openingJob.set(false);
            openJobId.set("");
            jobsStartedFx(List.of(job));
        }, failure -> {
            LOGGER.info("Opening job {} failed: {}", jobId, failure.getMessage());
            openingJob.set(false);
            openJobMessage.set(UiText.get("main.openJob.failed", failure.getMessage()));
        });
    }

    /** Removes the job from the list and stops watching it, as {@link #removeJobsFx} does. */
    public void removeJobFx(JobViewModel job) {
        removeJobsFx(List.of(job));
    }

    /**
     * Removes those of {@code toRemove} that belong to this account from the list, stops
     * watching them and makes the session forget them, so discovery does not bring them back.
     */
    public void removeJobsFx(Collection<JobViewModel> toRemove) {
        List<JobViewModel> removed = toRemove.stream().filter(this::ownsJob).toList();
        if (removed.isEmpty()) {
            return;
        }
        List<String> ids = removed.stream().map(JobViewModel::getJobId).toList();
        LOGGER.info("Removing jobs {} of {}", ids, accountLabel);
        removedJobIds.addAll(ids);
        jobs.removeAll(removed);
        removed.forEach(job -> {
            jobsById.remove(job.getJobId());
            job.dispose();
        });
        if (removed.contains(selectedJob.get())) {
            selectedJob.set(null);
        }
        updateAudienceStatesFx();
        handoff.deliver(session.removeJobs(ids), done -> { }, failure ->
                LOGGER.warn("Removing jobs {} of {} failed", ids, accountLabel, failure));
    }

    /** Removes every job that has an outcome and is not pinned, and returns how many. */
    public int removeFinishedJobsFx() {
        List<JobViewModel> finished = jobs.stream()
                .filter(job -> job.isFinished() && !job.isPinned())
                .toList();
        removeJobsFx(finished);
        return finished.size();
    }

    /** Pins the job, or unpins a pinned one. The row follows once the session has saved it. */
    public void togglePinnedFx(JobViewModel job) {
        if (!ownsJob(job)) {
            return;
        }
        boolean pin = !job.isPinned();
        LOGGER.info("{} job {} of {}", pin ? "Pinning" : "Unpinning", job.getJobId(), accountLabel);
        handoff.deliver(session.setPinned(job.getJobId(), pin), done -> { }, failure ->
                LOGGER.warn("Pinning job {} of {} failed", job.getJobId(), accountLabel, failure));
    }

    /** Returns whether {@code job} is one of this account's listed jobs. */
    public boolean ownsJob(JobViewModel job) {
        return job != null && jobsById.get(job.getJobId()) == job;
    }

    /** Returns the listed job with this id or short id, or null. */
    public JobViewModel findJob(String id) {
        return jobs.stream()
                .filter(job -> job.getJobId().equalsIgnoreCase(id)
                        || job.getShortId().equalsIgnoreCase(id))
                .findFirst()
                .orElse(null);
    }

    /**
     * Stops the ticker and every job's updates, and closes the session off the FX thread. The
     * future completes when the session has closed.
     */
    public CompletableFuture<Void> close() {
        ticker.stopFx();
        jobsById.values().forEach(JobViewModel::dispose);
        if (ownsJob(selectedJob.get())) {
            selectedJob.set(null);
        }
        return CompletableFuture.runAsync(session::close).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOGGER.warn("Closing the session failed", failure);
            }
        });
    }

    @Override
    public String audienceName(String audienceId) {
        AudienceItem item = audiencesById.get(audienceId);
        return item == null ? null : item.getName();
    }

    @Override
    public void jobsStartedFx(List<KnownJob> started) {
        for (KnownJob job : started) {
            removedJobIds.remove(job.jobId());
            if (!jobsById.containsKey(job.jobId())) {
                jobs.add(0, createJobFx(job));
            }
        }
        if (!started.isEmpty()) {
            selectJobById(started.get(0).jobId());
        }
        updateAudienceStatesFx();
    }

    @Override
    public void jobFinishedFx(JobViewModel job) {
        LOGGER.info("Job {} finished as {}", job.getJobId(), job.getConnectionMode());
        updateAudienceStatesFx();
        // The audience now has a new generation date and ideas.
        refresh();
    }

    /**
     * Announces the outcome once per job attempt. The job only calls this for attempts it saw
     * queued or running, so jobs that had finished before the window loaded them stay quiet.
     */
    @Override
    public void outcomeReachedFx(JobViewModel job) {
        JobSnapshot outcome = job.getSnapshot();
        if (!announcedOutcomes.add(outcome.jobId() + "#" + outcome.attempt())) {
            return;
        }
        OutcomeNotice notice = OutcomeNotice.of(outcome, job.getShortId());
        LOGGER.info("Announcing job {} attempt {}: {}", outcome.jobId(), outcome.attempt(),
                outcome.state());
        lastOutcomeNotice.set(notice);
    }

    private void syncJobsFx(List<KnownJob> knownJobs) {
        List<JobViewModel> ordered = new ArrayList<>();
        for (KnownJob job : knownJobs) {
            if (removedJobIds.contains(job.jobId())) {
                continue;
            }
            JobViewModel existing = jobsById.get(job.jobId());
            if (existing != null) {
                existing.updateKnownJobFx(job);
            }
            ordered.add(existing != null ? existing : createJobFx(job));
        }
        for (JobViewModel job : jobs) {
            if (!ordered.contains(job)) {
                ordered.add(0, job);
            }
        }
        if (!ordered.equals(jobs)) {
            jobs.setAll(ordered);
        }
        if (pendingSelection != null && jobsById.containsKey(pendingSelection)) {
            selectJobById(pendingSelection);
        }
        selectRelevantJobFx();
        updateAudienceStatesFx();
    }

    private JobViewModel createJobFx(KnownJob job) {
        JobViewModel viewModel = new JobViewModel(job, jobContext);
        jobsById.put(job.jobId(), viewModel);
        viewModel.finishedProperty().addListener((observable, was, is) -> updateAudienceStatesFx());
        viewModel.snapshotProperty().addListener((observable, old, next) -> selectRelevantJobFx());
        viewModel.watch();
        return viewModel;
    }

    /**
     * Selects a job while none is selected, so the detail does not stay empty after sign-in:
     * the newest queued or running job, or the newest job once every watch has connected or
     * finished and none runs.
     */
    private void selectRelevantJobFx() {
        if (selectedJob.get() != null || pendingSelection != null || jobs.isEmpty()) {
            return;
        }
        JobViewModel running = jobs.stream().filter(MainViewModel::isRunning).findFirst()
                .orElse(null);
        if (running != null) {
            selectedJob.set(running);
        } else if (jobs.stream().allMatch(MainViewModel::isSettled)) {
            selectedJob.set(jobs.get(0));
        }
    }

    // Both read the snapshot alone, because they run in its listener before the job's other
    // properties follow it.
    private static boolean isRunning(JobViewModel job) {
        JobSnapshot snapshot = job.getSnapshot();
        ServerJobState state = snapshot.serverState();
        boolean active = state == ServerJobState.RUNNING || state == ServerJobState.QUEUED;
        return active && !snapshot.isFinished();
    }

    /** True when the job's watch has connected or the job has an outcome. */
    private static boolean isSettled(JobViewModel job) {
        JobSnapshot snapshot = job.getSnapshot();
        return snapshot.isFinished() || snapshot.state() != WatchState.CONNECTING;
    }

    private void selectJobById(String jobId) {
        JobViewModel job = jobsById.get(jobId);
        pendingSelection = job == null ? jobId : null;
        if (job != null) {
            selectedJob.set(job);
        }
    }

    private void audiencesLoadedFx(List<Audience> loaded) {
        loadingAudiences.set(false);
        List<AudienceItem> items = new ArrayList<>();
        for (Audience audience : loaded) {
            if (audience.id() == null) {
                continue;
            }
            AudienceItem item = audiencesById.get(audience.id());
            if (item == null) {
                item = new AudienceItem(audience, clock.getZone());
            } else {
                item.update(audience, item.isGenerating());
            }
            items.add(item);
        }
        audiencesById.clear();
        items.forEach(item -> audiencesById.put(item.getId(), item));
        audiences.setAll(items);
        if (selectedAudience.get() != null && !items.contains(selectedAudience.get())) {
            selectedAudience.set(null);
        }
        jobsById.values().forEach(JobViewModel::refreshAudienceNamesFx);
        updateAudienceStatesFx();
    }

    private void audiencesFailedFx(Throwable failure) {
        LOGGER.warn("Loading audiences failed", failure);
        loadingAudiences.set(false);
        audiencesMessage.set(UiText.get("main.audiences.loadFailed", failure.getMessage()));
    }

    private void updateAudienceStatesFx() {
        for (AudienceItem item : audiences) {
            boolean running = jobs.stream().anyMatch(job -> !job.isFinished()
                    && job.getKnownJob().audienceIds().contains(item.getId()));
            if (running != item.isGenerating()) {
                item.setGenerating(running);
            }
        }
        updateCanRegenerateFx();
    }

    private void updateCanRegenerateFx() {
        AudienceItem item = selectedAudience.get();
        canRegenerate.set(item != null && !item.isGenerating() && !requestingCalendar.get());
    }

    /** "dana@example.com · api.example.com", or the server alone without an email. */
    private static String labelOf(AccountSession session) {
        URI server = session.serverUrl();
        String host = server.getRawAuthority() == null ? server.toString()
                : server.getRawAuthority();
        User user = session.user();
        if (user == null || user.email() == null || user.email().isBlank()) {
            return host;
        }
        return UiText.get("account.label", user.email(), host);
    }

    private static String userName(User user) {
        if (user == null) {
            return "";
        }
        String fullName = ((user.firstName() == null ? "" : user.firstName()) + " "
                + (user.lastName() == null ? "" : user.lastName())).trim();
        if (fullName.isEmpty()) {
            return user.email() == null ? "" : user.email();
        }
        return user.email() == null ? fullName : fullName + " (" + user.email() + ")";
    }

    public ObservableList<AudienceItem> getAudiences() {
        return readOnlyAudiences;
    }

    /** The known jobs, newest first, each followed live. */
    public ObservableList<JobViewModel> getJobs() {
        return readOnlyJobs;
    }

    /** The window's selected job, which may belong to another account. */
    public ReadOnlyObjectProperty<JobViewModel> selectedJobProperty() {
        return selectedJob;
    }

    public JobViewModel getSelectedJob() {
        return selectedJob.get();
    }

    public ReadOnlyObjectProperty<AudienceItem> selectedAudienceProperty() {
        return selectedAudience.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingAudiencesProperty() {
        return loadingAudiences.getReadOnlyProperty();
    }

    /** Why loading audiences or requesting a calendar failed, or empty. */
    public ReadOnlyStringProperty audiencesMessageProperty() {
        return audiencesMessage.getReadOnlyProperty();
    }

    /** True when an audience is selected, no job generates it and no request is running. */
    public ReadOnlyBooleanProperty canRegenerateProperty() {
        return canRegenerate.getReadOnlyProperty();
    }

    /** The job id typed into the "Open job" field. */
    public StringProperty openJobIdProperty() {
        return openJobId;
    }

    public ReadOnlyBooleanProperty openingJobProperty() {
        return openingJob.getReadOnlyProperty();
    }

    /** Why the last "Open job" failed, or empty. */
    public ReadOnlyStringProperty openJobMessageProperty() {
        return openJobMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userTextProperty() {
        return userText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverTextProperty() {
        return serverText.getReadOnlyProperty();
    }

    /** The account in short, such as "dana@example.com · api.example.com". */
    public String getAccountLabel() {
        return accountLabel;
    }

    /** The account in full: the user's name and email, and the server URL. */
    public String getAccountDescription() {
        return accountDescription;
    }

    public AccountSession getSession() {
        return session;
    }

    /** The banner for signing in again after the session expired. */
    public SessionExpiryViewModel getSessionExpiry() {
        return sessionExpiry;
    }

    /** The bar shown while requests wait for the server's request limit. */
    public RequestLimitViewModel getRequestLimit() {
        return requestLimit;
    }

    /** The latest outcome to announce; each new value is one notification. */
    public ReadOnlyObjectProperty<OutcomeNotice> lastOutcomeNoticeProperty() {
        return lastOutcomeNotice.getReadOnlyProperty();
    }
}
