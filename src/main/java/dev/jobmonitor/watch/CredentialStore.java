package dev.jobmonitor.watch;

import java.util.Locale;
import java.util.Optional;

/**
 * Secrets kept for "Keep me signed in": one refresh token per account, in a store of the
 * operating system such as the Secret Service, the macOS Keychain or the Windows Credential
 * Manager. Never a plain file. Every method may block on that store, so none may be called on
 * the JavaFX thread. Failures of {@link #save} and {@link #delete} are
 * {@link CredentialStoreException}s.
 */
public interface CredentialStore {
    /** A store that keeps nothing, for machines without a keyring. */
    CredentialStore UNAVAILABLE = new CredentialStore() {
        @Override
        public boolean isAvailable() {
            return false;
        }

        @Override
        public void save(String account, String refreshToken) {
            throw new CredentialStoreException("No keyring is available");
        }

        @Override
        public Optional<String> load(String account) {
            return Optional.empty();
        }

        @Override
        public void delete(String account) {
        }
    };

    /** Whether secrets can be saved; false means the sign-in view hides "Keep me signed in". */
    boolean isAvailable();

    /** Saves or replaces the refresh token of {@code account}. */
    void save(String account, String refreshToken);

    /** The refresh token of {@code account}, or empty when none is saved or it cannot be read. */
    Optional<String> load(String account);

    /** Deletes the refresh token of {@code account}; does nothing when none is saved. */
    void delete(String account);

    /**
     * The store's key for one account: the normalized server URL and the email in lower case,
     * as the backend compares emails, joined by a space that neither contains.
     */
    static String accountKey(String serverUrl, String email) {
        return serverUrl + " " + email.trim().toLowerCase(Locale.ROOT);
    }
}
