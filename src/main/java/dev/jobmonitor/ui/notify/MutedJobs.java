package dev.jobmonitor.ui.notify;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs whose desktop notifications the user switched off, saved in a preferences node: one
 * key per job id, valued with the time it was switched off, so the oldest entries go first when
 * the list outgrows {@link #MAX_JOBS}. Thread-safe, as {@link Preferences} is.
 */
final class MutedJobs {
    private static final Logger LOGGER = LoggerFactory.getLogger(MutedJobs.class);
    /** Far more jobs than one user follows; keeps a long-used node from growing without end. */
    static final int MAX_JOBS = 500;

    private final Preferences node;
    private final Clock clock;

    MutedJobs(Preferences node) {
        this(node, Clock.systemUTC());
    }

    /** Creates the list in {@code node}; {@code clock} dates each entry. */
    MutedJobs(Preferences node, Clock clock) {
        this.node = Objects.requireNonNull(node, "node");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    boolean isMuted(String jobId) {
        return node.get(jobId, null) != null;
    }

    void setMuted(String jobId, boolean muted) {
        if (muted == isMuted(jobId)) {
            return;
        }
        if (muted) {
            node.putLong(jobId, clock.millis());
            dropOldest();
        } else {
            node.remove(jobId);
        }
        LOGGER.info("Desktop notifications for job {} switched {}", jobId, muted ? "off" : "on");
    }

    private void dropOldest() {
        try {
            String[] jobIds = node.keys();
            if (jobIds.length <= MAX_JOBS) {
                return;
            }
            Arrays.sort(jobIds, Comparator.comparingLong(jobId -> node.getLong(jobId, 0)));
            for (int i = 0; i < jobIds.length - MAX_JOBS; i++) {
                node.remove(jobIds[i]);
            }
        } catch (BackingStoreException e) {
            LOGGER.warn("Could not list the muted jobs in {}", node.absolutePath(), e);
        }
    }
}
