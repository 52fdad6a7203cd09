package dev.jobmonitor.ui.notify;

import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.ui.job.WatchWarnings;
import dev.jobmonitor.ui.main.MainViewModel;
import dev.jobmonitor.ui.main.OutcomeNotice;
import dev.jobmonitor.ui.main.SessionExpiryViewModel;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications of the window: one per announced job outcome, one per attempt stuck in
 * the queue and one per session expiry, unless switched off for all jobs ({@link Settings}) or
 * for the job ({@link JobViewModel#notifyProperty()}, saved per job id). Clicking one brings
 * the window to the front and selects the job. Lives as long as the window, so its record of
 * what was shown survives signing out and in again. Every method must be called on the FX
 * thread.
 */
public final class DesktopNotifications {
    private static final Logger LOGGER = LoggerFactory.getLogger(DesktopNotifications.class);
    /** The child node of the settings that lists the jobs with notifications switched off. */
    static final String MUTED_JOBS_NODE = "notifications.mutedJobs";

    private final Settings settings;
    private final DesktopNotifier notifier;
    private final Runnable bringWindowToFront;
    private final MutedJobs mutedJobs;
    private final NotificationDecider decider;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");

    /**
     * Creates the window's notifications; {@code bringWindowToFront} runs on the FX thread when
     * the user clicks one.
     */
    public DesktopNotifications(Settings settings, DesktopNotifier notifier,
                                Runnable bringWindowToFront) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.bringWindowToFront = Objects.requireNonNull(bringWindowToFront, "bringWindowToFront");
        this.mutedJobs = new MutedJobs(settings.node().node(MUTED_JOBS_NODE));
        this.decider = new NotificationDecider(enabled::get, jobId -> !mutedJobs.isMuted(jobId));

        enabled.set(settings.notificationsEnabled());
        enabled.addListener((observable, was, is) -> {
            if (is != settings.notificationsEnabled()) {
                settings.setNotificationsEnabled(is);
            }
        });
        // The settings dialog may change the setting too, on the FX thread or not.
        settings.addChangeListener(key -> {
            if (Settings.NOTIFICATIONS.equals(key)) {
                runOnFxThread(() -> enabled.set(settings.notificationsEnabled()));
            }
        });
    }

    /**
     * Starts notifying about the outcomes, stuck jobs and session expiry of {@code screen}, and
     * keeps the "Notify me" switch of each of its jobs in the saved settings.
     */
    public void follow(MainViewModel screen) {
        screen.lastOutcomeNoticeProperty().addListener((observable, old, notice) -> {
            if (notice != null) {
                outcomeAnnouncedFx(screen, notice);
            }
        });

        Set<JobViewModel> followed = Collections.newSetFromMap(new IdentityHashMap<>());
        screen.getJobs().forEach(job -> followJobFx(screen, job, followed));
        screen.getJobs().addListener((ListChangeListener<JobViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(job -> followJobFx(screen, job, followed));
            }
        });

        SessionExpiryViewModel expiry = screen.getSessionExpiry();
        expiry.expiredProperty()
                .addListener((observable, was, is) -> sessionFx(screen, expiry, is));
    }

    /** True while desktop notifications are on for all jobs; the View menu's check item. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    private void followJobFx(MainViewModel screen, JobViewModel job, Set<JobViewModel> followed) {
        if (!followed.add(job)) {
            return;
        }
        String jobId = job.getJobId();
        job.notifyProperty().set(!mutedJobs.isMuted(jobId));
        job.notifyProperty().addListener((observable, was, is) -> mutedJobs.setMuted(jobId, !is));

        // The text follows the flag within the same update, and the notice shows the text.
        job.getWarnings().stuckTextProperty()
                .addListener((observable, was, is) -> stuckFx(screen, job));
        stuckFx(screen, job);
    }

    private void outcomeAnnouncedFx(MainViewModel screen, OutcomeNotice notice) {
        if (!decider.shouldNotifyOutcome(notice.jobId())) {
            return;
        }
        String audiences = screen.getJobs().stream()
                .filter(job -> job.getJobId().equals(notice.jobId()))
                .map(job -> job.audienceNamesProperty().get())
                .findFirst().orElse("");
        String details = audiences.isEmpty() ? UiText.get("notify.outcome.noAudiences")
                : UiText.get("notify.outcome.details", audiences);
        showFx(screen, new DesktopNotice(kindOf(notice), notice.jobId(), notice.text(), details));
    }

    private void stuckFx(MainViewModel screen, JobViewModel job) {
        WatchWarnings warnings = job.getWarnings();
        boolean stuck = warnings.isStuckInQueue() && !warnings.stuckTextProperty().get().isEmpty();
        int attempt = job.getSnapshot().attempt();
        if (!decider.shouldNotifyStuck(job.getJobId(), attempt, stuck)) {
            return;
        }
        showFx(screen, new DesktopNotice(DesktopNotice.Kind.STUCK_IN_QUEUE, job.getJobId(),
                UiText.get("notify.stuck.title", job.getShortId()),
                warnings.stuckTextProperty().get()));
    }

    private void sessionFx(MainViewModel screen, SessionExpiryViewModel expiry, boolean expired) {
        String server = expiry.serverProperty().get();
        if (!decider.shouldNotifySessionExpired(server, expired)) {
            return;
        }
        showFx(screen, new DesktopNotice(DesktopNotice.Kind.SESSION_EXPIRED, null,
                UiText.get("notify.expired.title"), UiText.get("notify.expired.details", server)));
    }

    private void showFx(MainViewModel screen, DesktopNotice notice) {
        LOGGER.info("Desktop notification {} for job {}", notice.kind(), notice.jobId());
        notifier.showFx(notice, () -> {
            bringWindowToFront.run();
            if (notice.jobId() != null) {
                screen.selectJob(notice.jobId());
            }
        });
    }

    private static DesktopNotice.Kind kindOf(OutcomeNotice notice) {
        switch (notice.outcome()) {
            case SUCCEEDED:
                return DesktopNotice.Kind.SUCCEEDED;
            case PARTLY_FAILED:
                return DesktopNotice.Kind.PARTLY_FAILED;
            default:
                return DesktopNotice.Kind.FAILED;
        }
    }

    private static void runOnFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
