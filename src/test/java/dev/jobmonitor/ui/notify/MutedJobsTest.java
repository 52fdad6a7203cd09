package dev.jobmonitor.ui.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.settings.MemoryPreferences;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.ui.fakes.TestData;
import java.time.Duration;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class MutedJobsTest {
    private final Preferences node = new MemoryPreferences().node("muted");
    private final MutableClock clock = new MutableClock(TestData.T0);
    private final MutedJobs mutedJobs = new MutedJobs(node, clock);

    @Test
    void switchingOffIsSavedPerJob() {
        mutedJobs.setMuted("job-1", true);

        assertTrue(mutedJobs.isMuted("job-1"));
        assertFalse(mutedJobs.isMuted("job-2"));
        assertTrue(new MutedJobs(node).isMuted("job-1"));

        mutedJobs.setMuted("job-1", false);
        assertFalse(mutedJobs.isMuted("job-1"));
    }

    @Test
    void oldestEntriesGoWhenFull() throws Exception {
        for (int i = 0; i <= MutedJobs.MAX_JOBS; i++) {
            mutedJobs.setMuted("job-" + i, true);
            clock.advance(Duration.ofSeconds(1));
        }

        assertEquals(MutedJobs.MAX_JOBS, node.keys().length);
        assertFalse(mutedJobs.isMuted("job-0"));
        assertTrue(mutedJobs.isMuted("job-1"));
        assertTrue(mutedJobs.isMuted("job-" + MutedJobs.MAX_JOBS));
    }
}
