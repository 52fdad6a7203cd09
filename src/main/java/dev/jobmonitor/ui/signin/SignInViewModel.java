package dev.jobmonitor.ui.signin;

import dev.jobmonitor.api.BackendClient;
import dev.jobmonitor.settings.RememberedAccount;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.PlainHttpPolicy;
import dev.jobmonitor.watch.SignInService;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the sign-in form. The input properties are bound to the controls; the rest is
 * read-only and changes through {@link #signIn()} and {@link #resumeRemembered()}. Every method
 * must be called on the FX thread; results arrive there through the {@link FxHandoff}.
 */
public final class SignInViewModel {
    private static final Logger LOGGER = LoggerFactory.getLogger(SignInViewModel.class);

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty plainHttpAllowed =
            new SimpleBooleanProperty(this, "plainHttpAllowed");
    private final BooleanProperty rememberMe = new SimpleBooleanProperty(this, "rememberMe");
    private final ReadOnlyBooleanWrapper signingIn = new ReadOnlyBooleanWrapper(this, "signingIn");
    private final ReadOnlyStringWrapper errorMessage =
            new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper statusMessage =
            new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper demoNotice =
            new ReadOnlyStringWrapper(this, "demoNotice", "");
    private final ReadOnlyStringWrapper plainHttpHost =
            new ReadOnlyStringWrapper(this, "plainHttpHost", "");
    private final ReadOnlyBooleanWrapper rememberAvailable =
            new ReadOnlyBooleanWrapper(this, "rememberAvailable");
    private final ReadOnlyBooleanWrapper canSignIn = new ReadOnlyBooleanWrapper(this, "canSignIn");
    private final ObservableList<String> recentServers = FXCollections.observableArrayList();

    private final SignInService signInService;
    private final Settings settings;
    private final RememberedSignIns remembered;
    private final FxHandoff handoff;
    private final Consumer<AccountSession> onSignedIn;
    private final UiOptions options;

    /**
     * Creates the form prefilled from {@code options}: the launcher's server and email when
     * given, else the most recent server and the last email from the settings.
     * {@code onSignedIn} runs on the FX thread.
     */
    public SignInViewModel(UiOptions options, FxHandoff handoff,
                           Consumer<AccountSession> onSignedIn) {
        this.options = options;
        this.signInService = options.signIn();
        this.settings = options.settings();
        this.remembered = new RememberedSignIns(settings, signInService);
        this.handoff = Objects.requireNonNull(handoff, "handoff");
        this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");

        recentServers.setAll(settings.recentServers());
        serverUrl.addListener((observable, was, is) -> serverUrlChangedFx(is));
        plainHttpAllowed.addListener((observable, was, is) -> plainHttpAllowedChangedFx(is));
        serverUrl.set(Objects.requireNonNullElse(options.serverUrl(),
                recentServers.isEmpty() ? "" : recentServers.get(0)));
        email.set(Objects.requireNonNullElse(options.email(), settings.lastEmail().orElse("")));
        password.set(Objects.requireNonNullElse(options.password(), ""));
        demoNotice.set(Objects.requireNonNullElse(options.demoNotice(), ""));
        canSignIn.bind(Bindings.createBooleanBinding(this::isFormReady,
                serverUrl, email, password, signingIn, plainHttpHost, plainHttpAllowed));
        askWhetherRememberIsAvailable();
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

    /** Servers signed in to before, the most recent first. */
    public ObservableList<String> getRecentServers() {
        return FXCollections.unmodifiableObservableList(recentServers);
    }

    /**
     * The host of the server URL when it uses plain HTTP to a host other than loopback, or empty.
     * The user must allow such a host before signing in.
     */
    public ReadOnlyStringProperty plainHttpHostProperty() {
        return plainHttpHost.getReadOnlyProperty();
    }

    /** Whether the user allows plain HTTP for the current server, as loaded from the settings. */
    public BooleanProperty plainHttpAllowedProperty() {
        return plainHttpAllowed;
    }

    /** Whether "Keep me signed in" is offered: a keyring exists and the server is not the demo. */
    public ReadOnlyBooleanProperty rememberAvailableProperty() {
        return rememberAvailable.getReadOnlyProperty();
    }

    /** Whether the next sign-in keeps its refresh token in the keyring. */
    public BooleanProperty rememberMeProperty() {
        return rememberMe;
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

    /** The progress text of work the user did not start, such as signing in with a saved token. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** Where the embedded demo backend runs, or empty for a real server. */
    public ReadOnlyStringProperty demoNoticeProperty() {
        return demoNotice.getReadOnlyProperty();
    }

    /** True when every field is filled in, plain HTTP is allowed if needed, and none is running. */
    public ReadOnlyBooleanProperty canSignInProperty() {
        return canSignIn.getReadOnlyProperty();
    }

    /** Starts signing in with the form's values; does nothing while the form is not ready. */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        String url = serverUrl.get().trim();
        String account = email.get().trim();
        char[] secret = password.get().toCharArray();
        boolean remember = rememberAvailable.get() && rememberMe.get();
        normalizedServer().filter(server -> !plainHttpHost.get().isEmpty())
                .ifPresent(server -> settings.setInsecureAllowed(server.toString(), true));
        errorMessage.set("");
        signingIn.set(true);
        LOGGER.info("Signing in to {} as {}{}", url, account, remember ? ", kept signed in" : "");

        CompletableFuture<AccountSession> result;
        try {
            result = signInService.signIn(url, account, secret, remember);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            result = CompletableFuture.failedFuture(e);
        }
        handoff.deliver(result.whenComplete((session, failure) -> Arrays.fill(secret, '\0')),
                session -> signedInFx(url, account, remember, session),
                failure -> failedFx(url, failure));
    }

    /**
     * Signs in with a saved refresh token when an account was kept signed in: the one on the
     * launcher's server, else the most recent one. Returns false, doing nothing, when there is
     * none. Call once, when the window opens.
     */
    public boolean resumeRemembered() {
        Optional<RememberedAccount> saved = remembered.find(options.serverUrl(), options.email());
        if (saved.isEmpty() || !demoNotice.get().isEmpty()) {
            return false;
        }
        RememberedAccount account = saved.get();
        serverUrl.set(account.serverUrl());
        email.set(account.email());
        rememberMe.set(true);
        errorMessage.set("");
        statusMessage.set(UiText.get("signIn.resuming", account.email()));
        signingIn.set(true);
        LOGGER.info("Signing in to {} as {} with the saved token", account.serverUrl(),
                account.email());
        handoff.deliver(signInService.resume(account.serverUrl(), account.email()),
                session -> signedInFx(account.serverUrl(), account.email(), true, session),
                failure -> resumeFailedFx(account, failure));
        return true;
    }

    private void signedInFx(String url, String account, boolean remember, AccountSession session) {
        LOGGER.info("Signed in to {}", url);
        signingIn.set(false);
        statusMessage.set("");
        String server = session.serverUrl().toString();
        // The demo backend gets a new port at every start, so its URL is not worth keeping.
        if (demoNotice.get().isEmpty()) {
            settings.rememberServer(server);
            settings.setLastEmail(account);
        }
        if (remember) {
            remembered.add(server, account);
        } else {
            remembered.remove(server, account);
        }
        onSignedIn.accept(session);
    }

    private void failedFx(String url, Throwable failure) {
        signingIn.set(false);
        errorMessage.set(SignInErrors.messageFor(url, failure));
    }

    private void resumeFailedFx(RememberedAccount account, Throwable failure) {
        signingIn.set(false);
        statusMessage.set("");
        if (RememberedSignIns.isRejection(failure)) {
            LOGGER.info("Saved sign-in of {} on {} rejected: {}", account.email(),
                    account.serverUrl(), failure.getMessage());
            remembered.remove(account.serverUrl(), account.email());
            errorMessage.set(UiText.get("signIn.error.savedSignInRejected", account.email()));
        } else {
            errorMessage.set(SignInErrors.messageFor(account.serverUrl(), failure));
        }
    }

    private void askWhetherRememberIsAvailable() {
        if (!demoNotice.get().isEmpty()) {
            return;
        }
        handoff.deliver(signInService.canRemember(), rememberAvailable::set, failure -> {
            LOGGER.info("Keep me signed in is off: {}", failure.getMessage());
            rememberAvailable.set(false);
        });
    }

    private void serverUrlChangedFx(String text) {
        Optional<URI> server = normalizedServer(text);
        plainHttpHost.set(server.flatMap(PlainHttpPolicy::hostRequiringConsent).orElse(""));
        plainHttpAllowed.set(server.map(uri -> settings.isInsecureAllowed(uri.toString()))
                .orElse(false));
    }

    /** Takes back a stored allowance when the user clears the box for that server. */
    private void plainHttpAllowedChangedFx(boolean allowed) {
        if (!allowed && !plainHttpHost.get().isEmpty()) {
            normalizedServer().ifPresent(uri -> settings.setInsecureAllowed(uri.toString(), false));
        }
    }

    private Optional<URI> normalizedServer() {
        return normalizedServer(serverUrl.get());
    }

    private static Optional<URI> normalizedServer(String text) {
        try {
            return Optional.of(BackendClient.parseServerUrl(text));
        } catch (IllegalArgumentException e) {
            // An unfinished URL: the sign-in reports it when the user submits it.
            return Optional.empty();
        }
    }

    private boolean isFormReady() {
        return !signingIn.get() && !serverUrl.get().isBlank() && !email.get().isBlank()
                && !password.get().isEmpty()
                && (plainHttpHost.get().isEmpty() || plainHttpAllowed.get());
    }

}
