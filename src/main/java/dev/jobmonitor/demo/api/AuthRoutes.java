package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.http.HttpResponse;
import dev.jobmonitor.demo.sim.Json;
import dev.jobmonitor.demo.sim.User;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** {@code /api/v1/auth/*}: login, refresh, me and logout. */
final class AuthRoutes {
    private static final String INVALID_CREDENTIALS = "Invalid email or password";
    private static final String INVALID_REFRESH = "Invalid refresh token";

    private final ApiContext context;

    AuthRoutes(ApiContext context) {
        this.context = context;
    }

    void login(Call call) throws IOException {
        String email = call.bodyText("email");
        String password = call.bodyText("password");
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            call.respond(400, Call.error("Missing credentials", "Email and password are required"));
            return;
        }
        Optional<User> user = context.world.userByEmail(email)
                .filter(found -> found.passwordMatches(password));
        if (user.isEmpty()) {
            call.respond(401, Call.error(INVALID_CREDENTIALS, INVALID_CREDENTIALS));
            return;
        }
        ObjectNode json = Json.object();
        json.put("success", true);
        json.put("message", "Login successful");
        json.set("user", user.get().toJson(false));
        user.get().recordLogin(context.clock.instant());
        call.respond(withTokens(json, user.get()));
    }

    void refresh(Call call) throws IOException {
        String token = Cookies.value(call.request(), "refresh_token");
        if (token == null || token.isEmpty()) {
            token = call.bodyText("refreshToken");
        }
        if (token == null || token.isEmpty()) {
            call.respond(400, Call.error("Missing refresh token", "Refresh token is required"));
            return;
        }
        Optional<User> user = context.tokens.verifyRefresh(token);
        if (user.isEmpty()) {
            call.respond(401, Call.error(INVALID_REFRESH, INVALID_REFRESH));
            return;
        }
        ObjectNode json = Json.object();
        json.put("success", true);
        json.put("message", "Token refreshed successfully");
        call.respond(withTokens(json, user.get()));
    }

    void me(Call call) throws IOException {
        Authenticator.Result auth = context.authenticator.strict(call.request());
        if (!auth.authenticated()) {
            call.respond(401, Call.error("Access denied", auth.failureMessage()));
            return;
        }
        ObjectNode json = Json.object();
        json.put("success", true);
        json.set("user", auth.user().toJson(true));
        call.respond(200, json);
    }

    void logout(Call call) throws IOException {
        ObjectNode json = Json.object();
        json.put("success", true);
        json.put("message", "Logged out successfully");
        call.respond(HttpResponse.json(200, Json.write(json))
                .header("Set-Cookie", Cookies.clearingCookie("access_token"))
                .header("Set-Cookie", Cookies.clearingCookie("refresh_token")));
    }

    /**
     * Adds a fresh token pair to the body and as cookies, with the body fields in the real
     * order.
     */
    private HttpResponse withTokens(ObjectNode json, User user) {
        Tokens tokens = context.tokens;
        String access = tokens.issueAccess(user);
        String refresh = tokens.issueRefresh(user);
        json.put("accessToken", access);
        json.put("refreshToken", refresh);
        json.put("expiresIn", tokens.expiresInText());
        Instant now = context.clock.instant();
        return HttpResponse.json(200, Json.write(json))
                .header("Set-Cookie", Cookies.tokenCookie("access_token", access,
                        tokens.accessLifetime().toSeconds(), now))
                .header("Set-Cookie", Cookies.tokenCookie("refresh_token", refresh,
                        tokens.refreshLifetime().toSeconds(), now));
    }
}
