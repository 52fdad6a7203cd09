package dev.jobmonitor.ui.main;

import dev.jobmonitor.api.BackendClient;
import dev.jobmonitor.api.model.User;
import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.SignInService;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's accounts: every signed-in account, the jobs of all of them in one list, the
 * selected job and the current account, whose audiences the sidebar shows. Each account keeps
 * its own session, request pacing and known jobs in a {@link MainViewModel}. Every method must
 * be called on the FX thread.
 */
public final class WorkspaceViewModel {
    private static final Logger LOGGER = LoggerFactory.getLogger(WorkspaceViewModel.class);

    /** Comparator that puts pinned jobs first and leaves the rest of the order to the next one. */
    public static final Comparator<JobViewModel> PINNED_FIRST =
            Comparator.comparing(job -> !job.isPinned());

    private final FxHandoff handoff;
    private final Clock clock;
    private final Consumer<AccountSession> onSignedOut;
    private final Runnable onLastSignedOut;

    private final ObservableList<MainViewModel> accounts = FXCollections.observableArrayList();
    private final ObservableList<MainViewModel> readOnlyAccounts =
            FXCollections.unmodifiableObservableList(accounts);
    /**
     * Every account's jobs. A change of a job's pin or finished flag is an update, so sorted
     * views re-sort and "Remove all finished" follows.
     */
    private final ObservableList<JobViewModel> jobs =
            FXCollections.observableArrayList(
                    job -> new Observable[] {job.pinnedProperty(), job.finishedProperty()});
    private final ObservableList<JobViewModel> readOnlyJobs =
            FXCollections.unmodifiableObservableList(jobs);
    private final ObjectProperty<JobViewModel> selectedJob =
            new SimpleObjectProperty<>(this, "selectedJob");
    private final ReadOnlyObjectWrapper<MainViewModel> currentAccount =
            new ReadOnlyObjectWrapper<>(this, "currentAccount");
    private final ReadOnlyObjectWrapper<OutcomeNotice> lastOutcomeNotice =
            new ReadOnlyObjectWrapper<>(this, "lastOutcomeNotice");
    private final ReadOnlyStringWrapper accountMessage =
            new ReadOnlyStringWrapper(this, "accountMessage", "");

    /** Creates an empty workspace. {@code onLastSignedOut} runs once no account is left. */
    public WorkspaceViewModel(FxHandoff handoff, Clock clock, Runnable onLastSignedOut) {
        this(handoff, clock, session -> { }, onLastSignedOut);
    }

    /**
     * Creates an empty workspace. {@code onSignedOut} runs with each session the user signs
     * out, before it closes, and {@code onLastSignedOut} once no account is left.
     */
    public WorkspaceViewModel(FxHandoff handoff, Clock clock, Consumer<AccountSession> onSignedOut,
                              Runnable onLastSignedOut) {
        this.handoff = Objects.requireNonNull(handoff, "handoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onSignedOut = Objects.requireNonNull(onSignedOut, "onSignedOut");
        this.onLastSignedOut = Objects.requireNonNull(onLastSignedOut, "onLastSignedOut");
    }

    /**
     * Adds a signed-in account and makes it current. When the window already has this user on
     * this server, the new session is closed and the existing account becomes current instead,
     * so one account never runs two sessions. Returns the account now current.
     */
    public MainViewModel addAccount(AccountSession session) {
        MainViewModel existing = findAccount(session.serverUrl(), session.user());
        if (existing != null) {
            if (existing.getSession() != session) {
                LOGGER.info("Already signed in to {} as {}; closing the second session",
                        session.serverUrl(), existing.getAccountLabel());
                CompletableFuture.runAsync(session::close);
            }
            currentAccount.set(existing);
            accountMessage.set(UiText.get("account.alreadySignedIn", existing.getAccountLabel()));
            return existing;
        }
        MainViewModel account = new MainViewModel(session, handoff, clock, selectedJob);
        LOGGER.info("Adding account {}", account.getAccountLabel());
        accounts.add(account);
        account.getJobs().addListener((ListChangeListener<JobViewModel>) change -> mergeJobsFx());
        account.lastOutcomeNoticeProperty().addListener((observable, old, notice) -> {
            if (notice != null) {
                lastOutcomeNotice.set(notice);
            }
        });
        accountMessage.set("");
        currentAccount.set(account);
        account.start();
        mergeJobsFx();
        return account;
    }

    /**
     * Wraps {@code delegate} so that signing in again as a user this window already has on the
     * same server returns that account's session instead of opening a second one.
     */
    public SignInService reusingSessions(SignInService delegate) {
        return (serverUrl, email, password) -> {
            MainViewModel existing = findAccount(serverUrl, email);
            return existing != null ? CompletableFuture.completedFuture(existing.getSession())
                    : delegate.signIn(serverUrl, email, password);
        };
    }

    /** Makes {@code account} current; choosing the current account again changes nothing. */
    public void selectAccount(MainViewModel account) {
        if (account != null && account != currentAccount.get() && accounts.contains(account)) {
            accountMessage.set("");
            currentAccount.set(account);
        }
    }

    /** Signs the current account out. After the last one the window shows the sign-in view. */
    public void signOutCurrent() {
        MainViewModel account = currentAccount.get();
        if (account == null) {
            return;
        }
        LOGGER.info("Signing out {}", account.getAccountLabel());
        onSignedOut.accept(account.getSession());
        accounts.remove(account);
        account.close();
        mergeJobsFx();
        accountMessage.set("");
        currentAccount.set(accounts.isEmpty() ? null : accounts.get(0));
        if (accounts.isEmpty()) {
            onLastSignedOut.run();
        }
    }

    /**
     * Closes every account's session, as when the window closes. The future completes once
     * every session has stopped its watches.
     */
    public CompletableFuture<Void> closeAll() {
        LOGGER.info("Closing {} accounts", accounts.size());
        List<MainViewModel> closing = List.copyOf(accounts);
        accounts.clear();
        CompletableFuture<?>[] closed = closing.stream()
                .map(MainViewModel::close)
                .toArray(CompletableFuture<?>[]::new);
        jobs.clear();
        currentAccount.set(null);
        return CompletableFuture.allOf(closed);
    }

    public void selectJob(JobViewModel job) {
        selectedJob.set(job);
    }

    /** Selects the job with this id in whichever account lists it. */
    public void selectJob(String jobId) {
        for (MainViewModel account : accounts) {
            JobViewModel job = account.findJob(jobId);
            if (job != null && job.getJobId().equals(jobId)) {
                selectedJob.set(job);
                return;
            }
        }
    }

    /** Returns the account whose job {@code job} is, or null. */
    public MainViewModel accountOf(JobViewModel job) {
        return accounts.stream().filter(account -> account.ownsJob(job)).findFirst().orElse(null);
    }

    /**
     * Opens the job typed into the current account's field: a job that any account lists is
     * selected, any other id is looked up on the current account.
     */
    public void openJob() {
        MainViewModel current = currentAccount.get();
        if (current == null) {
            return;
        }
        String typed = current.openJobIdProperty().get() == null ? ""
                : current.openJobIdProperty().get().trim();
        for (MainViewModel account : accounts) {
            JobViewModel known = typed.isEmpty() ? null : account.findJob(typed);
            if (known != null && account != current) {
                current.openJobIdProperty().set("");
                selectedJob.set(known);
                return;
            }
        }
        current.openJob();
    }

    /** Removes the job from its account's list, as {@link MainViewModel#removeJobsFx} does. */
    public void removeJob(JobViewModel job) {
        MainViewModel account = accountOf(job);
        if (account != null) {
            account.removeJobFx(job);
        }
    }

    /** Removes every finished job that is not pinned, in every account, and returns how many. */
    /** Returns how many jobs {@link #removeFinishedJobs()} would remove now. */
    public long countRemovableFinishedJobs() {
        return jobs.stream().filter(job -> job.isFinished() && !job.isPinned()).count();
    }

    public int removeFinishedJobs() {
        int removed = 0;
        for (MainViewModel account : List.copyOf(accounts)) {
            removed += account.removeFinishedJobsFx();
        }
        return removed;
    }

    /** Pins the job, or unpins a pinned one, in its account. */
    public void togglePinned(JobViewModel job) {
        MainViewModel account = accountOf(job);
        if (account != null) {
            account.togglePinnedFx(job);
        }
    }

    /** Rebuilds the merged list in account order, keeping each account's own order. */
    private void mergeJobsFx() {
        List<JobViewModel> merged = new ArrayList<>();
        accounts.forEach(account -> merged.addAll(account.getJobs()));
        if (!merged.equals(jobs)) {
            jobs.setAll(merged);
        }
        if (selectedJob.get() != null && !merged.contains(selectedJob.get())) {
            selectedJob.set(null);
        }
    }

    private MainViewModel findAccount(URI server, User user) {
        return accounts.stream()
                .filter(account -> sameServer(account.getSession().serverUrl(), server)
                        && sameUser(account.getSession().user(), user))
                .findFirst()
                .orElse(null);
    }

    private MainViewModel findAccount(String serverUrl, String email) {
        URI server;
        try {
            server = BackendClient.parseServerUrl(serverUrl);
        } catch (IllegalArgumentException e) {
            // The sign-in service reports the invalid URL to the user.
            return null;
        }
        return findAccount(server, new User(null, email == null ? null : email.trim(), null,
                null, null));
    }

    private static boolean sameServer(URI a, URI b) {
        return a.toString().equalsIgnoreCase(b.toString());
    }

    /** Same user id when both have one, else the same email, ignoring case. */
    private static boolean sameUser(User a, User b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.id() != null && b.id() != null) {
            return a.id().equals(b.id());
        }
        return a.email() != null && b.email() != null
                && a.email().toLowerCase(Locale.ROOT).equals(b.email().toLowerCase(Locale.ROOT));
    }

    /** The signed-in accounts, in the order they signed in. */
    public ObservableList<MainViewModel> getAccounts() {
        return readOnlyAccounts;
    }

    /** The jobs of every account, each account's newest first, accounts in sign-in order. */
    public ObservableList<JobViewModel> getJobs() {
        return readOnlyJobs;
    }

    public ReadOnlyObjectProperty<JobViewModel> selectedJobProperty() {
        return selectedJob;
    }

    public JobViewModel getSelectedJob() {
        return selectedJob.get();
    }

    /** The account whose audiences the sidebar shows, and on which Regenerate and Sign out act. */
    public ReadOnlyObjectProperty<MainViewModel> currentAccountProperty() {
        return currentAccount.getReadOnlyProperty();
    }

    public MainViewModel getCurrentAccount() {
        return currentAccount.get();
    }

    /** The latest outcome of any account's job. Each new value is one notification. */
    public ReadOnlyObjectProperty<OutcomeNotice> lastOutcomeNoticeProperty() {
        return lastOutcomeNotice.getReadOnlyProperty();
    }

    /** A note about the accounts, such as that the user was already signed in, or empty. */
    public ReadOnlyStringProperty accountMessageProperty() {
        return accountMessage.getReadOnlyProperty();
    }
}
