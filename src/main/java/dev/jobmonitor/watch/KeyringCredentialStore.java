package dev.jobmonitor.watch;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CredentialStore} in the operating system's keyring through java-keyring 1.0.4: the
 * Secret Service over D-Bus on Linux, the Keychain on macOS, the Credential Manager on Windows.
 * Calls are serialized, because java-keyring documents its Secret Service backend as unsafe for
 * concurrent use.
 *
 * <p>NOTE: on Linux the store keeps a D-Bus connection whose threads (dbus-java 4.2.1) are not
 * daemon threads, so a process that opened it ends only through {@link System#exit}, as the
 * window's shutdown does. In a jlink runtime, dbus-java needs the modules jdk.security.auth and
 * jdk.net; without the first the probe finds no keyring.
 */
public final class KeyringCredentialStore implements CredentialStore {
    private static final Logger LOGGER = LoggerFactory.getLogger(KeyringCredentialStore.class);
    /** The service name of every entry, as keyring managers such as Seahorse show it. */
    static final String SERVICE = "Job Monitor";
    /** An account that is never saved. Reading it shows whether the keyring responds at all. */
    private static final String PROBE_ACCOUNT = "availability-probe";

    private final Keyring keyring;

    private KeyringCredentialStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Checks on a new daemon thread whether a keyring responds within {@code timeout}. Completes
     * with this store when it does, else with {@link CredentialStore#UNAVAILABLE} after logging
     * the reason at INFO. Never completes exceptionally.
     */
    public static CompletableFuture<CredentialStore> probe(Duration timeout) {
        CompletableFuture<CredentialStore> opened = new CompletableFuture<>();
        Thread thread = new Thread(() -> opened.complete(openOrUnavailable()), "keyring-probe");
        thread.setDaemon(true);
        thread.start();
        // A keyring that never responds leaves the probe thread blocked, which is harmless
        // because it is a daemon thread.
        return opened.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(store -> {
                    if (store != null) {
                        return store;
                    }
                    LOGGER.info("No keyring responded within {} ms; \"Keep me signed in\" is off",
                            timeout.toMillis());
                    return UNAVAILABLE;
                });
    }

    private static CredentialStore openOrUnavailable() {
        long started = System.nanoTime();
        try {
            Keyring keyring = Keyring.create();
            readProbe(keyring);
            LOGGER.info("Keyring {} available after {} ms", keyring.getKeyringStorageType(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new KeyringCredentialStore(keyring);
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            // LinkageError: JNA's native library or a JDK module that D-Bus needs is missing.
            LOGGER.info("No keyring available ({}); \"Keep me signed in\" is off", describe(e));
            LOGGER.debug("Keyring probe failed", e);
            return UNAVAILABLE;
        }
    }

    /**
     * Reads the probe entry. A working keyring reports it as missing.
     * NOTE: a locked keyring passes this read, because only writing asks to unlock it. Saving
     * then fails and is logged, and the next start finds no token and shows the sign-in form.
     */
    private static void readProbe(Keyring keyring) {
        try {
            keyring.getPassword(SERVICE, PROBE_ACCOUNT);
        } catch (PasswordAccessException e) {
            LOGGER.debug("Keyring probe entry not found, as expected: {}", e.getMessage());
        }
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public synchronized void save(String account, String refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        try {
            keyring.setPassword(SERVICE, account, refreshToken);
            LOGGER.debug("Saved the refresh token of {} in the keyring", account);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new CredentialStoreException("Could not save the sign-in of " + account
                    + " in the keyring: " + describe(e), e);
        }
    }

    @Override
    public synchronized Optional<String> load(String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account))
                    .filter(token -> !token.isEmpty());
        } catch (PasswordAccessException | RuntimeException e) {
            LOGGER.info("No saved sign-in of {} in the keyring: {}", account, describe(e));
            return Optional.empty();
        }
    }

    @Override
    public synchronized void delete(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
            LOGGER.info("Deleted the saved sign-in of {} from the keyring", account);
        } catch (PasswordAccessException e) {
            LOGGER.debug("No saved sign-in of {} to delete: {}", account, e.getMessage());
        } catch (RuntimeException e) {
            throw new CredentialStoreException("Could not delete the sign-in of " + account
                    + " from the keyring: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage())
                : e.getMessage() + ": " + root.getMessage();
    }
}
