package dev.jobmonitor.ui.main;

import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.signin.SignInErrors;
import dev.jobmonitor.watch.AccountSession;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The banner for signing the same user in again once the session expired. The account's
 * watches are paused meanwhile and keep their last known state, so the window clears nothing.
 * Signing in again resumes them. Every method must be called on the FX thread.
 */
public final class SessionExpiryViewModel {
    private static final Logger LOGGER = LoggerFactory.getLogger(SessionExpiryViewModel.class);

    private final AccountSession session;
    private final FxHandoff handoff;

    private final ReadOnlyBooleanWrapper expired = new ReadOnlyBooleanWrapper(this, "expired");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper(this, "email", "");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper signingIn = new ReadOnlyBooleanWrapper(this, "signingIn");
    private final ReadOnlyStringWrapper errorMessage =
            new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper canSignIn = new ReadOnlyBooleanWrapper(this, "canSignIn");

    SessionExpiryViewModel(AccountSession session, FxHandoff handoff) {
        this.session = session;
        this.handoff = handoff;
        email.set(session.user() == null || session.user().email() == null ? ""
                : session.user().email());
        server.set(session.serverUrl().toString());
        canSignIn.bind(Bindings.createBooleanBinding(
                () -> expired.get() && !signingIn.get() && !password.get().isEmpty(),
                expired, signingIn, password));
    }

    /** Starts following the session's state. */
    void start() {
        FxHandoff.Slot<AccountSession.SessionState> slot = handoff.newSlot(this::stateChangedFx);
        session.addSessionStateListener(slot::offer);
    }

    /** Signs the same user in again with the typed password; Enter in the field calls this. */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        char[] secret = password.get().toCharArray();
        errorMessage.set("");
        signingIn.set(true);
        LOGGER.info("Signing in to {} again after the session expired", server.get());
        handoff.deliver(session.signInAgain(secret)
                        .whenComplete((ignored, failure) -> Arrays.fill(secret, '\0')),
                ignored -> signedInFx(), this::failedFx);
    }

    private void stateChangedFx(AccountSession.SessionState state) {
        boolean nowExpired = state == AccountSession.SessionState.EXPIRED;
        if (nowExpired && !expired.get()) {
            LOGGER.info("Session on {} expired; asking the user to sign in again", server.get());
            errorMessage.set("");
        }
        expired.set(nowExpired);
    }

    private void signedInFx() {
        LOGGER.info("Signed in to {} again; the watches resume", server.get());
        signingIn.set(false);
        password.set("");
        expired.set(false);
    }

    private void failedFx(Throwable failure) {
        signingIn.set(false);
        errorMessage.set(SignInErrors.messageFor(server.get(), failure));
    }

    /** True from the session's expiry until the user signed in again. */
    public ReadOnlyBooleanProperty expiredProperty() {
        return expired.getReadOnlyProperty();
    }

    public boolean isExpired() {
        return expired.get();
    }

    /** The account's email, shown but not editable: only this user can resume the watches. */
    public ReadOnlyStringProperty emailProperty() {
        return email.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** The password typed into the banner. */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty signingInProperty() {
        return signingIn.getReadOnlyProperty();
    }

    /** Why the last attempt to sign in again failed, or empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** True while the session is expired, a password is typed and no sign-in is running. */
    public ReadOnlyBooleanProperty canSignInProperty() {
        return canSignIn.getReadOnlyProperty();
    }
}
