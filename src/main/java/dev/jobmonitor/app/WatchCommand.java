package dev.jobmonitor.app;

import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.api.NotFoundException;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.JobText;
import dev.jobmonitor.watch.SignInService;
import dev.jobmonitor.watch.SnapshotListener;
import dev.jobmonitor.watch.WatchState;
import dev.jobmonitor.watch.WatchedJob;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console watch mode: follows one job with the same core as the window and prints one line
 * per visible change. Its exit code gives scripts the outcome.
 */
final class WatchCommand {
    static final int EXIT_SUCCEEDED = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_ERROR = 2;

    private static final Logger LOGGER = LoggerFactory.getLogger(WatchCommand.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final SignInService signIn;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Duration giveUpAfter;

    /**
     * @param out receives the update lines
     * @param err receives errors: a failed sign-in, an unknown job, giving up
     */
    WatchCommand(SignInService signIn, PrintStream out, PrintStream err, Clock clock,
                 Duration giveUpAfter) {
        this.signIn = signIn;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.giveUpAfter = giveUpAfter;
    }

    /** Signs in, follows {@code jobId} to its outcome and returns the exit code. Blocks. */
    int run(String server, String email, char[] password, String jobId) {
        AccountSession session;
        try {
            session = signIn.signIn(server, email, password).get();
        } catch (ExecutionException e) {
            err.println("Sign-in to " + server + " failed: " + describe(e.getCause()));
            return EXIT_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_ERROR;
        }
        try (session) {
            if (!jobExists(session, jobId)) {
                return EXIT_ERROR;
            }
            return follow(session, jobId);
        }
    }

    /**
     * Checks the job once before watching, so an unknown id fails at once instead of being
     * polled until the give-up time. A network error here is left to the watch's own retries.
     */
    private boolean jobExists(AccountSession session, String jobId) {
        try {
            session.openJob(jobId).get();
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NotFoundException) {
                err.println("Job " + jobId + " not found on " + session.serverUrl()
                        + " for this account: " + cause.getMessage());
                return false;
            }
            if (cause instanceof ApiException && !((ApiException) cause).isNetworkFailure()) {
                err.println("Cannot watch job " + jobId + ": " + cause.getMessage());
                return false;
            }
            LOGGER.warn("First status check of job {} failed; the watch retries: {}", jobId,
                    describe(cause));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int follow(AccountSession session, String jobId) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        LinePrinter printer = new LinePrinter(exit);
        SnapshotListener listener = printer::onSnapshot;
        WatchedJob job = session.watch(jobId);
        job.addListener(listener);
        try {
            return exit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_ERROR;
        } catch (ExecutionException e) {
            LOGGER.error("Watch of job {} failed", jobId, e.getCause());
            return EXIT_ERROR;
        } finally {
            job.removeListener(listener);
        }
    }

    /** One line of output for a snapshot: time, progress, phase, step, ETA and mode. */
    static String line(JobSnapshot job, Instant now) {
        String phase = job.phase() == null ? "-" : job.phase();
        String badge = JobText.strategyBadge(job).map(text -> text + ": ").orElse("");
        String eta = JobText.eta(job, now).orElse("-");
        StringBuilder line = new StringBuilder()
                .append(TIME.format(now)).append("  ")
                .append(String.format("%3d%%", job.progress())).append("  ")
                .append(phase).append("  ")
                .append(badge).append(JobText.stepLabel(job)).append("  ")
                .append(eta).append("  ")
                .append(JobText.stateLabel(job));
        if (job.notice() != null) {
            line.append("  (").append(job.notice()).append(')');
        }
        return line.toString();
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException || cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        return String.valueOf(cause);
    }

    /** Prints changed snapshots and decides when to exit; runs on the account scheduler thread. */
    private final class LinePrinter {
        private final CompletableFuture<Integer> exit;
        private String lastKey;
        private Instant unreachableSince;

        LinePrinter(CompletableFuture<Integer> exit) {
            this.exit = exit;
        }

        void onSnapshot(JobSnapshot job) {
            Instant now = clock.instant();
            String key = job.progress() + "|" + job.phase() + "|" + job.currentStep() + "|"
                    + job.state() + "|" + job.notice() + "|" + job.etaSeconds() + "|" + job.attempt();
            if (!Objects.equals(key, lastKey)) {
                lastKey = key;
                out.println(line(job, now));
                out.flush();
            }
            if (job.state() == WatchState.SUCCEEDED) {
                exit.complete(EXIT_SUCCEEDED);
            } else if (job.state().isOutcome()) {
                exit.complete(EXIT_FAILED);
            } else {
                checkReachable(job, now);
            }
        }

        /**
         * Gives up when no stream and no status check has worked for the give-up time: polls
         * failing and no stream, each failure reported as a notice.
         */
        private void checkReachable(JobSnapshot job, Instant now) {
            boolean cutOff = job.state() != WatchState.LIVE && job.notice() != null;
            if (!cutOff) {
                unreachableSince = null;
                return;
            }
            if (unreachableSince == null) {
                unreachableSince = now;
            } else if (Duration.between(unreachableSince, now).compareTo(giveUpAfter) > 0) {
                err.println("Giving up after " + giveUpAfter.toSeconds() + " s without a working"
                        + " stream or status check; last problem: " + job.notice());
                exit.complete(EXIT_ERROR);
            }
        }
    }
}
