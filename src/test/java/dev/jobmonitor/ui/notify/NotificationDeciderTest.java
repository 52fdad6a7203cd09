package dev.jobmonitor.ui.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationDeciderTest {
    private boolean enabled = true;
    private final Set<String> mutedJobs = new HashSet<>();
    private final NotificationDecider decider =
            new NotificationDecider(() -> enabled, jobId -> !mutedJobs.contains(jobId));

    @Test
    void outcomeFollowsBothSwitches() {
        assertTrue(decider.shouldNotifyOutcome("job-1"));

        mutedJobs.add("job-1");
        assertFalse(decider.shouldNotifyOutcome("job-1"));
        assertTrue(decider.shouldNotifyOutcome("job-2"));

        enabled = false;
        assertFalse(decider.shouldNotifyOutcome("job-2"));
    }

    @Test
    void stuckAttemptNotifiesOnce() {
        assertFalse(decider.shouldNotifyStuck("job-1", 2, false));
        assertTrue(decider.shouldNotifyStuck("job-1", 2, true));
        assertFalse(decider.shouldNotifyStuck("job-1", 2, true));
        // A reconnect that reports the attempt queued, then stuck again, is the same episode.
        assertFalse(decider.shouldNotifyStuck("job-1", 2, false));
        assertFalse(decider.shouldNotifyStuck("job-1", 2, true));

        assertTrue(decider.shouldNotifyStuck("job-1", 3, true));
        assertTrue(decider.shouldNotifyStuck("job-2", 2, true));
    }

    @Test
    void stuckWhileSwitchedOffStaysHandled() {
        mutedJobs.add("job-1");
        assertFalse(decider.shouldNotifyStuck("job-1", 1, true));

        mutedJobs.clear();
        assertFalse(decider.shouldNotifyStuck("job-1", 1, true));
    }

    @Test
    void sessionExpiryNotifiesOncePerEpisode() {
        assertTrue(decider.shouldNotifySessionExpired("http://127.0.0.1:8080", true));
        assertFalse(decider.shouldNotifySessionExpired("http://127.0.0.1:8080", true));
        assertTrue(decider.shouldNotifySessionExpired("http://127.0.0.1:9090", true));

        assertFalse(decider.shouldNotifySessionExpired("http://127.0.0.1:8080", false));
        assertTrue(decider.shouldNotifySessionExpired("http://127.0.0.1:8080", true));
    }

    @Test
    void sessionExpiryRespectsGlobalSwitch() {
        enabled = false;
        assertFalse(decider.shouldNotifySessionExpired("http://127.0.0.1:8080", true));

        enabled = true;
        assertFalse(decider.shouldNotifySessionExpired("http://127.0.0.1:8080", true));
    }
}
