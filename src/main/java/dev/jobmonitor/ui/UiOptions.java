package dev.jobmonitor.ui;

import dev.jobmonitor.settings.MemoryPreferences;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.watch.SignInService;
import java.time.Clock;
import java.util.Objects;

/**
 * Options the launcher passes to the window.
 *
 * @param signIn     opens sessions against a backend
 * @param serverUrl  server URL to prefill, or null
 * @param email      email to prefill, or null
 * @param password   password to prefill (the demo backend's), or null
 * @param demoNotice text shown on the sign-in view when the embedded demo backend runs, such
 *                   as "Demo backend running at http://127.0.0.1:8080", or null for a real server
 * @param clock      time source for ETA countdowns and "last update" texts, and the zone in
 *                   which the window shows dates and times of day
 * @param settings   the user's saved settings, read at start and written as they change
 */
public record UiOptions(SignInService signIn, String serverUrl, String email, String password,
                        String demoNotice, Clock clock, Settings settings) {
    public UiOptions {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
    }

    /** Options with settings kept in memory only, so nothing the user saved is read or changed. */
    public UiOptions(SignInService signIn, String serverUrl, String email, String password,
                     String demoNotice, Clock clock) {
        this(signIn, serverUrl, email, password, demoNotice, clock,
                new Settings(new MemoryPreferences()));
    }
}
