package dev.jobmonitor.watch;

import java.util.List;

/** The five documented phases of a content-calendar strategy, in order. */
public final class Phases {
    public static final List<String> KNOWN =
            List.of("audience", "organization", "keywords", "generating", "saving");

    private Phases() {
    }

    /** Position of {@code phase} in {@link #KNOWN}, or -1 for null and unknown phases. */
    public static int indexOf(String phase) {
        return phase == null ? -1 : KNOWN.indexOf(phase);
    }
}
