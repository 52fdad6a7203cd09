package dev.jobmonitor.ui.notify;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Decides which job events get a desktop notification. Outcomes arrive already announced once
 * per attempt by the main view's model, so only the switches apply to them. Attention episodes
 * (an attempt stuck in the queue, an expired session) are tracked here, so each episode gets
 * at most one notification however often its state is reported again.
 *
 * <p>Uses no JavaFX. Not thread-safe: the window calls it on the FX thread.
 */
public final class NotificationDecider {
    private final BooleanSupplier globallyEnabled;
    private final Predicate<String> enabledForJob;
    /** "jobId#attempt" of every attempt whose stuck-in-queue episode was handled. */
    private final Set<String> stuckAttemptsHandled = new HashSet<>();
    /** The accounts whose session is expired now; an entry is one ongoing episode. */
    private final Set<String> expiredAccounts = new HashSet<>();

    /**
     * Creates a decider that reads the switches at each decision: the global one, and the one
     * of the job with the given id.
     */
    public NotificationDecider(BooleanSupplier globallyEnabled, Predicate<String> enabledForJob) {
        this.globallyEnabled = Objects.requireNonNull(globallyEnabled, "globallyEnabled");
        this.enabledForJob = Objects.requireNonNull(enabledForJob, "enabledForJob");
    }

    /** Returns whether an announced outcome of the job deserves a notification. */
    public boolean shouldNotifyOutcome(String jobId) {
        return isEnabledFor(jobId);
    }

    /**
     * Takes the job's stuck-in-queue flag of one attempt. Returns true only the first time the
     * attempt is reported stuck, and only while notifications are on for the job. An episode
     * reported while they are off counts as handled, so switching them on later shows nothing
     * stale.
     */
    public boolean shouldNotifyStuck(String jobId, int attempt, boolean stuck) {
        if (!stuck || !stuckAttemptsHandled.add(jobId + "#" + attempt)) {
            return false;
        }
        return isEnabledFor(jobId);
    }

    /**
     * Takes the session state of an account; returns true when its session has just expired
     * and notifications are on. The episode ends when the state reports the session valid
     * again, so the next expiry gets a notification of its own.
     */
    public boolean shouldNotifySessionExpired(String account, boolean expired) {
        if (!expired) {
            expiredAccounts.remove(account);
            return false;
        }
        return expiredAccounts.add(account) && globallyEnabled.getAsBoolean();
    }

    private boolean isEnabledFor(String jobId) {
        return globallyEnabled.getAsBoolean() && enabledForJob.test(jobId);
    }
}
