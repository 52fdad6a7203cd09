package dev.jobmonitor.demo.api;

import dev.jobmonitor.demo.http.HttpRequest;
import dev.jobmonitor.demo.sim.User;
import java.util.Optional;

/** Reads credentials the way each route family of the real backend does. Thread-safe. */
final class Authenticator {
    private final Tokens tokens;

    /** The outcome of strict or flexible authentication: a user, or the 401 message. */
    record Result(User user, String failureMessage) {
        boolean authenticated() {
            return user != null;
        }
    }

    Authenticator(Tokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Optional authentication of audience and job routes: the {@code access_token} cookie, then
     * the Bearer header. A bad or expired token counts as no token, without an error.
     */
    Optional<User> optional(HttpRequest request) {
        return presentedToken(request, false).flatMap(tokens::verifyAccess);
    }

    /** Like {@link #optional}, then, for job routes, the {@code token} query parameter. */
    Optional<User> forJobs(HttpRequest request) {
        Optional<User> user = optional(request);
        if (user.isPresent()) {
            return user;
        }
        return Optional.ofNullable(request.queryParameter("token")).flatMap(tokens::verifyAccess);
    }

    /** Strict authentication of {@code /auth/me}: cookie, then Bearer. */
    Result strict(HttpRequest request) {
        return check(presentedToken(request, false));
    }

    /** Flexible authentication of {@code /strategies/*}: cookie, Bearer, then {@code ?token=}. */
    Result flexible(HttpRequest request) {
        return check(presentedToken(request, true));
    }

    private Result check(Optional<String> token) {
        if (token.isEmpty()) {
            return new Result(null, "No token provided");
        }
        return tokens.verifyAccess(token.get())
                .map(user -> new Result(user, null))
                .orElseGet(() -> new Result(null, "Invalid or expired token"));
    }

    /**
     * Returns the first token present, checking the cookie before the header as the real
     * middleware does.
     */
    private static Optional<String> presentedToken(HttpRequest request, boolean queryAllowed) {
        String cookie = Cookies.value(request, "access_token");
        if (cookie != null && !cookie.isEmpty()) {
            return Optional.of(cookie);
        }
        String authorization = request.header("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (!token.isEmpty()) {
                return Optional.of(token);
            }
        }
        String query = queryAllowed ? request.queryParameter("token") : null;
        return query == null || query.isEmpty() ? Optional.empty() : Optional.of(query);
    }
}
