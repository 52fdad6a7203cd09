package dev.jobmonitor.ui.job;

import dev.jobmonitor.watch.KnownJob;
import java.util.List;

/** The services a job's ViewModel needs from the screen that shows it. Called on the FX thread only. */
public interface JobHost {
    /** A host without audience names and ignores the events, for a job shown alone. */
    JobHost NONE = new JobHost() {
        @Override
        public String audienceName(String audienceId) {
            return null;
        }

        @Override
        public void jobsStartedFx(List<KnownJob> jobs) {
        }

        @Override
        public void jobFinishedFx(JobViewModel job) {
        }
    };

    /** Returns the display name of the audience, or null when it is not loaded. */
    String audienceName(String audienceId);

    /** Called after the user started new jobs from a job's view, such as with Regenerate. */
    void jobsStartedFx(List<KnownJob> jobs);

    /** Called when a job that was seen running reaches its outcome. */
    void jobFinishedFx(JobViewModel job);

    /**
     * Called once per attempt when an attempt this window saw queued or running reaches its
     * outcome, which {@code job}'s snapshot then contains.
     */
    default void outcomeReachedFx(JobViewModel job) {
    }
}
