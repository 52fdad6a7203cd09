package dev.jobmonitor.demo;

import java.util.Locale;

/** The set of progress events a simulated content_calendar job sends. */
public enum ProgressProfile {
    /**
     * Five phases per strategy (audience, organization, keywords, generating, saving) with
     * computed progress, ETA and strategy fields, as the backend's documentation describes.
     */
    DOCUMENTED,
    /**
     * The events the real backend sends today: 0, 5, 8 ({@code phase:"trends"}), then only keepalives
     * while the AI works, then 100 and {@code complete}.
     */
    CURRENT;

    /** Parses {@code documented} or {@code current}, ignoring case. */
    public static ProgressProfile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown progress profile '" + name + "'; expected documented or current", e);
        }
    }
}
