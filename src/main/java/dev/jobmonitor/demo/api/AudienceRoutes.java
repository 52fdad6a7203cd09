package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.sim.Audience;
import dev.jobmonitor.demo.sim.Job;
import dev.jobmonitor.demo.sim.Json;
import dev.jobmonitor.demo.sim.User;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /api/v1/audiences/*} and {@code GET /api/v1/strategies/content-calendar}. */
final class AudienceRoutes {
    private static final String AUTH_OR_SESSION_REQUIRED =
            "Authentication or session ID (x-session-id) is required";
    private static final int DEFAULT_LIMIT = 25;

    private final ApiContext context;

    AudienceRoutes(ApiContext context) {
        this.context = context;
    }

    void list(Call call) throws IOException {
        Optional<User> user = context.authenticator.optional(call.request());
        if (user.isEmpty() && !hasSession(call)) {
            call.respond(401, Call.failure("Unauthorized", AUTH_OR_SESSION_REQUIRED));
            return;
        }
        // NOTE: the demo has no session-owned audiences, so a session without a user gets an empty list.
        List<Audience> all = user.map(found -> context.world.audiencesOf(found.id()))
                .orElse(List.of());
        int offset = Math.min(all.size(), nonNegative(call.request().queryParameter("offset"), 0));
        int limit = nonNegative(call.request().queryParameter("limit"), DEFAULT_LIMIT);
        List<Audience> page = all.subList(offset, Math.min(all.size(), offset + limit));
        ObjectNode json = Json.object();
        json.put("success", true);
        ArrayNode items = json.putArray("audiences");
        page.forEach(audience -> items.add(audience.toListJson()));
        // As in the real backend, total is the size of this page, not of the whole list.
        json.put("total", page.size());
        call.respond(200, json);
    }

    void detail(Call call) throws IOException {
        Optional<User> user = context.authenticator.optional(call.request());
        if (user.isEmpty() && !hasSession(call)) {
            call.respond(401, Call.failure("Unauthorized", AUTH_OR_SESSION_REQUIRED));
            return;
        }
        String id = call.parameter("id");
        if (!Routes.isUuid(id)) {
            call.respond(500, Call.failure("Failed to retrieve audience",
                    Routes.invalidUuidMessage(id)));
            return;
        }
        id = id.toLowerCase(Locale.ROOT);
        Optional<Audience> audience = ownedAudience(user, id);
        if (audience.isEmpty()) {
            call.respond(404, audienceNotFound());
            return;
        }
        String jobId = audience.get().hasCalendar()
                ? null
                : activeJob(user.get(), audience.get().id()).map(Job::id).orElse(null);
        ObjectNode json = Json.object();
        json.put("success", true);
        json.set("audience", audience.get().toDetailJson(jobId));
        call.respond(200, json);
    }

    void requestCalendar(Call call) throws IOException {
        Optional<User> user = context.authenticator.optional(call.request());
        if (user.isEmpty()) {
            call.respond(401, Call.failure("Unauthorized", "Authentication required"));
            return;
        }
        String id = call.parameter("id");
        if (!Routes.isUuid(id)) {
            call.respond(500, Call.failure("Failed to request content calendar",
                    Routes.invalidUuidMessage(id)));
            return;
        }
        String audienceId = id.toLowerCase(Locale.ROOT);
        if (ownedAudience(user, audienceId).isEmpty()) {
            call.respond(404, audienceNotFound());
            return;
        }

        Optional<Job> running;
        Job created = null;
        synchronized (context.world) {
            // Check and create together, so two quick requests cannot both start a job.
            running = activeJob(user.get(), audienceId);
            if (running.isEmpty()) {
                created = context.simulator.submit(user.get(), List.of(audienceId),
                        context.requestedJobOutcome(), context.config.profile());
            }
        }
        ObjectNode json = Json.object();
        json.put("success", true);
        json.put("jobId", running.isPresent() ? running.get().id() : created.id());
        if (running.isPresent()) {
            json.put("message", "Content calendar job already in progress");
        }
        call.respond(running.isPresent() ? 200 : 201, json);
    }

    void contentCalendars(Call call) throws IOException {
        Authenticator.Result auth = context.authenticator.flexible(call.request());
        if (!auth.authenticated()) {
            call.respond(401, Call.error("Access denied", auth.failureMessage()));
            return;
        }
        // NOTE: the demo treats every audience of the user as purchased; the real backend lists
        // only strategies with an active purchase.
        List<Audience> subscribed = context.world.audiencesOf(auth.user().id()).stream()
                .sorted(Comparator.comparing(Audience::subscribedAt).reversed())
                .toList();
        ObjectNode json = Json.object();
        json.put("success", true);
        ArrayNode strategies = json.putArray("strategies");
        subscribed.forEach(audience -> strategies.add(audience.toStrategyJson()));
        json.put("totalStrategies", subscribed.size());
        call.respond(200, json);
    }

    private Optional<Job> activeJob(User user, String audienceId) {
        return context.world.activeJobFor(user.id(), audienceId, context.clock.instant(),
                context.config.staleJobAge());
    }

    private static ObjectNode audienceNotFound() {
        return Call.failure("Audience not found", "Audience not found or access denied");
    }

    private Optional<Audience> ownedAudience(Optional<User> user, String id) {
        return user.flatMap(found -> context.world.audience(id)
                .filter(audience -> audience.userId().equals(found.id())));
    }

    private static boolean hasSession(Call call) {
        String session = call.request().header("x-session-id");
        return session != null && !session.isEmpty();
    }

    private static int nonNegative(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
