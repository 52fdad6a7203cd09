package dev.jobmonitor.ui.signin;

import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.api.NetworkException;
import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.ui.UiText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message shown for a failed sign-in, on the sign-in view and on the banner that asks to
 * sign in again after the session expired. Each failure is logged here, where it is handled.
 */
public final class SignInErrors {
    private static final Logger LOGGER = LoggerFactory.getLogger(SignInErrors.class);

    private SignInErrors() {
    }

    /** Logs the failure of signing in to {@code url} and returns the message for the user. */
    public static String messageFor(String url, Throwable failure) {
        if (failure instanceof IllegalArgumentException) {
            LOGGER.info("Sign-in rejected the server URL {}: {}", url, failure.getMessage());
            return failure.getMessage();
        }
        if (failure instanceof UnauthorizedException) {
            LOGGER.info("Sign-in to {} failed: wrong email or password", url);
            return UiText.get("signIn.error.unauthorized");
        }
        if (failure instanceof NetworkException) {
            LOGGER.warn("Cannot reach {}", url, failure);
            return UiText.get("signIn.error.unreachable", url);
        }
        if (failure instanceof ApiException && failure.getMessage() != null) {
            LOGGER.warn("Sign-in to {} failed", url, failure);
            return failure.getMessage();
        }
        LOGGER.error("Sign-in to {} failed unexpectedly", url, failure);
        return UiText.get("signIn.error.unexpected");
    }
}
