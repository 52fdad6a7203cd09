package dev.jobmonitor.watch;

import java.util.concurrent.CompletableFuture;

/**
 * Signs in to a backend and opens an {@link AccountSession} for the user. Futures complete on
 * background threads.
 */
@FunctionalInterface
public interface SignInService {
    /**
     * Validates {@code serverUrl}, signs in and returns the session. The future completes on a
     * background thread: with {@link IllegalArgumentException} for an invalid URL (a
     * {@link PlainHttpRejectedException} for plain HTTP that was not allowed), with
     * {@link dev.jobmonitor.api.UnauthorizedException} for a wrong email or password, and with
     * {@link dev.jobmonitor.api.NetworkException} when the server cannot be reached.
     */
    CompletableFuture<AccountSession> signIn(String serverUrl, String email, char[] password);

    /**
     * Signs in as {@link #signIn(String, String, char[])} does. With {@code remember}, the
     * session's refresh token is kept in the {@link CredentialStore} and replaced whenever it
     * rotates, so {@link #resume} can sign in at the next start; without it, a token saved
     * earlier for the account is deleted.
     *
     * @throws UnsupportedOperationException when {@code remember} is set on a service that
     *     cannot remember (see {@link #canRemember()})
     */
    default CompletableFuture<AccountSession> signIn(String serverUrl, String email,
                                                     char[] password, boolean remember) {
        if (remember) {
            throw new UnsupportedOperationException("This sign-in service cannot remember tokens");
        }
        return signIn(serverUrl, email, password);
    }

    /**
     * Completes with whether sessions can be remembered: true once a credential store is
     * found, false when there is none.
     */
    default CompletableFuture<Boolean> canRemember() {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Signs in with the refresh token saved for the account by a remembered sign-in. Fails with
     * {@link dev.jobmonitor.api.UnauthorizedException} when no token is saved or the server
     * rejects it; a rejected token is deleted from the store first.
     */
    default CompletableFuture<AccountSession> resume(String serverUrl, String email) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("This sign-in service cannot remember tokens"));
    }

    /** Deletes the refresh token saved for the account, as signing out does. */
    default CompletableFuture<Void> forget(String serverUrl, String email) {
        return CompletableFuture.completedFuture(null);
    }
}
