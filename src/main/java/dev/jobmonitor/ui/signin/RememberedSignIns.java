package dev.jobmonitor.ui.signin;

import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.settings.RememberedAccount;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.SignInService;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts kept signed in: their server and email in {@link Settings}, their refresh tokens
 * in the sign-in service's credential store. Emails are kept in lower case, as the backend
 * compares them. Call on the FX thread; the store is written in the background.
 */
public final class RememberedSignIns {
    private static final Logger LOGGER = LoggerFactory.getLogger(RememberedSignIns.class);

    private final Settings settings;
    private final SignInService signIn;

    public RememberedSignIns(Settings settings, SignInService signIn) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
    }

    /**
     * Finds the remembered account to sign in with at start: the newest one on {@code serverUrl}
     * (and with {@code email}, when given), or the newest of all when no server is given.
     */
    public Optional<RememberedAccount> find(String serverUrl, String email) {
        return settings.rememberedAccounts().stream()
                .filter(account -> serverUrl == null || account.serverUrl().equals(serverUrl))
                .filter(account -> email == null || account.email().equals(normalize(email)))
                .findFirst();
    }

    /** Lists the account as remembered; the sign-in service has saved its token. */
    public void add(String serverUrl, String email) {
        settings.addRememberedAccount(serverUrl, normalize(email));
    }

    /** Removes the account from the list only, after the service deleted a rejected token. */
    public void remove(String serverUrl, String email) {
        settings.removeRememberedAccount(serverUrl, normalize(email));
    }

    /** Removes the account from the list and deletes its token, as signing out does. */
    public void forget(String serverUrl, String email) {
        remove(serverUrl, email);
        signIn.forget(serverUrl, normalize(email)).exceptionally(failure -> {
            LOGGER.warn("Could not delete the saved sign-in of {} on {}", email, serverUrl, failure);
            return null;
        });
    }

    /** Forgets the account of {@code session} when it signs out. */
    public void forget(AccountSession session) {
        String email = session.user() != null ? session.user().email() : null;
        if (email != null) {
            forget(session.serverUrl().toString(), email);
        }
    }

    /**
     * Signs in again, in the background, every remembered account other than the one of
     * {@code signedIn}, so a window started with several kept accounts shows all of them.
     * Each session reaches {@code onResumed} on the FX thread; a rejected token is dropped from
     * the list, and any other failure only logged, since the user can add the account again.
     */
    public void resumeOthers(AccountSession signedIn, FxHandoff handoff,
                             Consumer<AccountSession> onResumed) {
        String server = signedIn.serverUrl().toString();
        String email = signedIn.user() != null && signedIn.user().email() != null
                ? normalize(signedIn.user().email()) : null;
        for (RememberedAccount account : settings.rememberedAccounts()) {
            if (account.serverUrl().equals(server) && account.email().equals(email)) {
                continue;
            }
            LOGGER.info("Signing in to {} as {} with the saved token", account.serverUrl(),
                    account.email());
            handoff.deliver(signIn.resume(account.serverUrl(), account.email()), onResumed,
                    failure -> resumeFailedFx(account, failure));
        }
    }

    private void resumeFailedFx(RememberedAccount account, Throwable failure) {
        if (isRejection(failure)) {
            LOGGER.info("Saved sign-in of {} on {} rejected: {}", account.email(),
                    account.serverUrl(), failure.getMessage());
            remove(account.serverUrl(), account.email());
        } else {
            LOGGER.warn("Could not sign in to {} as {} with the saved token", account.serverUrl(),
                    account.email(), failure);
        }
    }

    /**
     * Returns true when the server rejected a saved token (400 or 401), as opposed to being
     * unreachable, in which case the token is kept for the next start.
     */
    static boolean isRejection(Throwable failure) {
        return failure instanceof ApiException api && (api.status() == 401 || api.status() == 400);
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
