package dev.jobmonitor.ui.signin;

import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.SignInService;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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
 * State of the sign-in form. The three input properties are bound to the text fields; the rest
 * is read-only and changes through {@link #signIn()}. Every method must be called on the FX
 * thread; the sign-in result arrives there through the {@link FxHandoff}.
 */
public final class SignInViewModel {
    private static final Logger LOGGER = LoggerFactory.getLogger(SignInViewModel.class);

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper signingIn = new ReadOnlyBooleanWrapper(this, "signingIn");
    private final ReadOnlyStringWrapper errorMessage =
            new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper demoNotice =
            new ReadOnlyStringWrapper(this, "demoNotice", "");
    private final ReadOnlyBooleanWrapper canSignIn = new ReadOnlyBooleanWrapper(this, "canSignIn");

    private final SignInService signInService;
    private final FxHandoff handoff;
    private final Consumer<AccountSession> onSignedIn;

    /** Creates the form prefilled from {@code options}; {@code onSignedIn} runs on the FX thread. */
    public SignInViewModel(UiOptions options, FxHandoff handoff,
                           Consumer<AccountSession> onSignedIn) {
        this.signInService = options.signIn();
        this.handoff = Objects.requireNonNull(handoff, "handoff");
        this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
        serverUrl.set(Objects.requireNonNullElse(options.serverUrl(), ""));
        email.set(Objects.requireNonNullElse(options.email(), ""));
        password.set(Objects.requireNonNullElse(options.password(), ""));
        demoNotice.set(Objects.requireNonNullElse(options.demoNotice(), ""));
        canSignIn.bind(Bindings.createBooleanBinding(this::isFormReady,
                serverUrl, email, password, signingIn));
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty signingInProperty() {
        return signingIn.getReadOnlyProperty();
    }

    public boolean isSigningIn() {
        return signingIn.get();
    }

    /** The message shown below the form after a failed sign-in, or empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    /** Where the embedded demo backend runs, or empty for a real server. */
    public ReadOnlyStringProperty demoNoticeProperty() {
        return demoNotice.getReadOnlyProperty();
    }

    /** True when every field is filled in and no sign-in is running. */
    public ReadOnlyBooleanProperty canSignInProperty() {
        return canSignIn.getReadOnlyProperty();
    }

    /** Starts signing in with the form's values; does nothing while the form is not ready. */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        String url = serverUrl.get().trim();
        char[] secret = password.get().toCharArray();
        errorMessage.set("");
        signingIn.set(true);
        LOGGER.info("Signing in to {} as {}", url, email.get().trim());

        CompletableFuture<AccountSession> result;
        try {
            result = signInService.signIn(url, email.get().trim(), secret);
        } catch (IllegalArgumentException e) {
            result = CompletableFuture.failedFuture(e);
        }
        handoff.deliver(result.whenComplete((session, failure) -> Arrays.fill(secret, '\0')),
                session -> signedInFx(url, session), failure -> failedFx(url, failure));
    }

    private void signedInFx(String url, AccountSession session) {
        LOGGER.info("Signed in to {}", url);
        signingIn.set(false);
        onSignedIn.accept(session);
    }

    private void failedFx(String url, Throwable failure) {
        signingIn.set(false);
        errorMessage.set(SignInErrors.messageFor(url, failure));
    }

    private boolean isFormReady() {
        return !signingIn.get() && !serverUrl.get().isBlank() && !email.get().isBlank()
                && !password.get().isEmpty();
    }
}
