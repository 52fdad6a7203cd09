package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** The backend's job status column; a value we do not know maps to {@link #UNKNOWN}. */
public enum ServerJobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, UNKNOWN;

    @JsonCreator
    public static ServerJobState fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
