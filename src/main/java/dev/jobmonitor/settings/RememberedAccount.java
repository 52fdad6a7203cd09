package dev.jobmonitor.settings;

import java.util.Objects;

/**
 * An account signed in with "Keep me signed in". Only the server URL and the email are settings;
 * the refresh token is in the operating system's keyring.
 */
public record RememberedAccount(String serverUrl, String email) {
    public RememberedAccount {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(email, "email");
    }
}
