package dev.jobmonitor.watch;

import java.util.concurrent.CompletableFuture;

/** Signs in to a backend and opens an {@link AccountSession} for the user. */
@FunctionalInterface
public interface SignInService {
    /**
     * Validates {@code serverUrl}, signs in and returns the session. The future completes on a
     * background thread: with {@link IllegalArgumentException} for an invalid URL, with
     * {@link dev.jobmonitor.api.UnauthorizedException} for a wrong email or password, and with
     * {@link dev.jobmonitor.api.NetworkException} when the server cannot be reached.
     */
    CompletableFuture<AccountSession> signIn(String serverUrl, String email, char[] password);
}
