package dev.jobmonitor.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobmonitor.api.AccessTokenSource;
import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.api.Json;
import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.api.model.LoginResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds an account's tokens and refreshes the access token shortly before its JWT {@code exp},
 * on the account scheduler, and once more when the server rejects it. The backend's
 * {@code expiresIn} is a string such as "7d", so the lifetime is read from the token itself.
 * Tokens are never logged.
 */
public final class TokenManager implements AccessTokenSource {
    private static final Logger LOGGER = LoggerFactory.getLogger(TokenManager.class);
    /** Refresh this long before expiry, or at 90 % of a shorter lifetime. */
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);
    /** Wait before trying again after a refresh failed for a reason other than rejection. */
    private static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    /** Exchanges a refresh token for new tokens. */
    @FunctionalInterface
    public interface Refresher {
        CompletableFuture<LoginResponse> refresh(String refreshToken);
    }

    private final TaskScheduler scheduler;
    private final Refresher refresher;
    private final Consumer<ApiException> onRefreshFailed;
    private volatile String accessToken;
    private volatile String refreshToken;
    private volatile Instant expiresAt;
    private volatile Consumer<String> refreshTokenListener = token -> { };
    // Guarded by this object's monitor.
    private CompletableFuture<String> inFlight;
    private boolean expired;
    // Touched only on the scheduler thread.
    private TaskScheduler.Cancellable refreshTask;
    private boolean stopped;

    /**
     * @param onRefreshFailed called on the scheduler thread when the refresh token is rejected,
     *                        so the UI can ask the user to sign in again
     */
    public TokenManager(TaskScheduler scheduler, Refresher refresher,
                        Consumer<ApiException> onRefreshFailed) {
        this.scheduler = scheduler;
        this.refresher = refresher;
        this.onRefreshFailed = onRefreshFailed;
    }

    @Override
    public String accessToken() {
        return accessToken;
    }

    /** When the access token expires, or null when its {@code exp} claim is unreadable. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Sets the listener that gets every new refresh token, from sign-in and from each rotation
     * by a refresh; it runs on the thread that calls {@link #update}. Set it before the first
     * update.
     */
    public void onRefreshTokenChanged(Consumer<String> listener) {
        refreshTokenListener = listener;
    }

    /** Stores new tokens, ends an expired state and plans the next refresh. Any thread. */
    public void update(String access, String refresh) {
        synchronized (this) {
            expired = false;
        }
        accessToken = access;
        if (refresh != null) {
            refreshToken = refresh;
            refreshTokenListener.accept(refresh);
        }
        expiresAt = expiry(access).orElse(null);
        scheduler.execute(this::planRefresh);
    }

    /** Refreshes after the server rejected the current token; see {@link #refreshAfterRejection}. */
    public void onUnauthorized() {
        refreshAfterRejection(accessToken);
    }

    /**
     * Gets a token to replay a request the server rejected with 401. When {@code rejected} is no
     * longer the current token, another caller has refreshed already and the current token is
     * returned at once; concurrent callers share one refresh. Fails when the refresh token is
     * rejected too, after which the session counts as expired until {@link #update} is called.
     * Callable from any thread; the future completes on a background thread.
     */
    public CompletableFuture<String> refreshAfterRejection(String rejected) {
        synchronized (this) {
            if (expired) {
                return CompletableFuture.failedFuture(
                        new UnauthorizedException("Session expired", "Sign in again to continue."));
            }
            if (rejected != null && !rejected.equals(accessToken)) {
                return CompletableFuture.completedFuture(accessToken);
            }
            if (inFlight == null) {
                inFlight = startRefresh();
            }
            return inFlight;
        }
    }

    /** True after the refresh token was rejected, until new tokens arrive. */
    public synchronized boolean isExpired() {
        return expired;
    }

    /** Cancels the planned refresh. */
    public void stop() {
        scheduler.execute(() -> {
            stopped = true;
            if (refreshTask != null) {
                refreshTask.cancel();
                refreshTask = null;
            }
        });
    }

    private void planRefresh() {
        if (refreshTask != null) {
            refreshTask.cancel();
            refreshTask = null;
        }
        if (stopped || expiresAt == null || refreshToken == null) {
            return;
        }
        Instant now = scheduler.now();
        Duration lifetime = Duration.between(now, expiresAt);
        Duration margin = lifetime.dividedBy(10).compareTo(REFRESH_MARGIN) < 0
                ? lifetime.dividedBy(10) : REFRESH_MARGIN;
        Duration delay = lifetime.minus(margin);
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        LOGGER.debug("Access token refresh planned in {} s", delay.toSeconds());
        refreshTask = scheduler.schedule(delay, () -> {
            refreshTask = null;
            refreshAfterRejection(accessToken);
        });
    }

    /** Starts one refresh; called with the monitor held. */
    private CompletableFuture<String> startRefresh() {
        CompletableFuture<String> result = new CompletableFuture<>();
        String refresh = refreshToken;
        if (refresh == null) {
            result.completeExceptionally(new UnauthorizedException("Session expired",
                    "No refresh token; sign in again."));
            return result;
        }
        LOGGER.info("Refreshing the access token");
        refresher.refresh(refresh).whenComplete((response, failure) -> {
            if (failure == null && response != null && response.accessToken() != null) {
                LOGGER.info("Access token refreshed");
                synchronized (this) {
                    inFlight = null;
                }
                update(response.accessToken(), response.refreshToken());
                result.complete(response.accessToken());
                return;
            }
            ApiException error = asApiException(failure);
            boolean rejected = error.status() == 401 || error.status() == 400;
            synchronized (this) {
                inFlight = null;
                expired = expired || rejected;
            }
            if (rejected) {
                LOGGER.warn("Refresh token rejected: {}; the user must sign in again", error.getMessage());
                scheduler.execute(() -> onRefreshFailed.accept(error));
            } else {
                // A network or server error: the next rejection or the retry below tries again.
                LOGGER.warn("Token refresh failed: {}", error.getMessage());
                scheduler.execute(() -> {
                    if (!stopped) {
                        refreshTask = scheduler.schedule(RETRY_DELAY, () -> {
                            refreshTask = null;
                            refreshAfterRejection(accessToken);
                        });
                    }
                });
            }
            result.completeExceptionally(error);
        });
        return result;
    }

    private static ApiException asApiException(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException) {
            return (ApiException) cause;
        }
        String message = cause == null ? "no access token in the response" : cause.getMessage();
        return new ApiException(0, null, message, cause);
    }

    /** Reads the {@code exp} claim (seconds since the epoch) of a JWT without checking it. */
    static Optional<Instant> expiry(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = Json.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
            JsonNode exp = claims.get("exp");
            return exp != null && exp.isNumber()
                    ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            LOGGER.warn("Access token is not a readable JWT; it will be refreshed only on a 401");
            return Optional.empty();
        }
    }
}
