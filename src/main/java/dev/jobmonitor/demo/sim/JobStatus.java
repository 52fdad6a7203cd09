package dev.jobmonitor.demo.sim;

import java.util.Locale;

/** The job states the real database allows; a cancelled job is {@link #FAILED}. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    /** Returns the lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
