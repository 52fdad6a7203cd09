package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.api.model.LoginResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TokenManagerTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> refreshedWith = new ArrayList<>();
    private final List<String> expired = new ArrayList<>();
    private CompletableFuture<LoginResponse> nextAnswer;

    private final TokenManager tokens = new TokenManager(scheduler, refresh -> {
        refreshedWith.add(refresh);
        return nextAnswer;
    }, error -> expired.add(error.getMessage()));

    @Test
    void refreshesShortlyBeforeExpiry() {
        Instant exp = scheduler.now().plus(Duration.ofHours(1));
        nextAnswer = CompletableFuture.completedFuture(
                new LoginResponse(null, jwt(exp.plus(Duration.ofHours(1))), "refresh-2", "7d"));
        tokens.update(jwt(exp), "refresh-1");
        scheduler.runDue();

        scheduler.advance(Duration.ofMinutes(57));
        assertEquals(List.of(), refreshedWith);

        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(List.of("refresh-1"), refreshedWith);
        assertEquals(exp.plus(Duration.ofHours(1)), tokens.expiresAt());
    }

    @Test
    void listenerGetsEveryRotatedRefreshToken() {
        List<String> saved = new ArrayList<>();
        tokens.onRefreshTokenChanged(saved::add);
        Instant exp = scheduler.now().plus(Duration.ofHours(1));
        nextAnswer = CompletableFuture.completedFuture(
                new LoginResponse(null, jwt(exp.plus(Duration.ofHours(1))), "refresh-2", "7d"));

        tokens.update(jwt(exp), "refresh-1");
        scheduler.runDue();
        scheduler.advance(Duration.ofMinutes(58));

        assertEquals(List.of("refresh-1", "refresh-2"), saved);
    }

    @Test
    void unauthorizedRefreshesOnceWithinCooldown() {
        nextAnswer = new CompletableFuture<>();
        tokens.update(jwt(scheduler.now().plus(Duration.ofDays(7))), "refresh-1");

        tokens.onUnauthorized();
        tokens.onUnauthorized();
        scheduler.runDue();

        assertEquals(1, refreshedWith.size());
    }

    @Test
    void rejectedRefreshReportsExpiredSession() {
        nextAnswer = CompletableFuture.failedFuture(
                new UnauthorizedException("Invalid refresh token", "Invalid refresh token"));
        tokens.update(jwt(scheduler.now().plusSeconds(30)), "refresh-1");

        scheduler.advance(Duration.ofSeconds(30));

        assertEquals(List.of("Invalid refresh token"), expired);
    }

    @Test
    void unreadableTokenHasNoExpiry() {
        tokens.update("not-a-jwt", "refresh-1");

        assertNull(tokens.expiresAt());
    }

    private static String jwt(Instant exp) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"userId\":\"u1\",\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".signature";
    }
}
