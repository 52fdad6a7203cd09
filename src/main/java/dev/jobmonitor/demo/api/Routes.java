package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.sim.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The route table of the demo backend. */
final class Routes {
    /** The canonical text form of a uuid, as PostgreSQL accepts it. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Routes() {
    }

    static List<Route> all(ApiContext context) {
        AuthRoutes auth = new AuthRoutes(context);
        AudienceRoutes audiences = new AudienceRoutes(context);
        JobRoutes jobs = new JobRoutes(context);
        JobStreamRoute stream = new JobStreamRoute(context, jobs);
        return List.of(
                new Route("GET", "/health", Routes::health),
                new Route("POST", "/api/v1/auth/login", auth::login),
                new Route("POST", "/api/v1/auth/refresh", auth::refresh),
                new Route("GET", "/api/v1/auth/me", auth::me),
                new Route("POST", "/api/v1/auth/logout", auth::logout),
                new Route("GET", "/api/v1/audiences", audiences::list),
                new Route("GET", "/api/v1/audiences/:id", audiences::detail),
                new Route("POST", "/api/v1/audiences/:id/request-content-calendar",
                        audiences::requestCalendar),
                new Route("GET", "/api/v1/strategies/content-calendar", audiences::contentCalendars),
                new Route("GET", "/api/v1/jobs", jobs::describe),
                new Route("GET", "/api/v1/jobs/:id/status", jobs::status),
                new Route("GET", "/api/v1/jobs/:id/stream", stream::open),
                new Route("POST", "/api/v1/jobs/:id/retry", jobs::retry),
                new Route("POST", "/api/v1/jobs/:id/cancel", jobs::cancel));
    }

    static boolean isUuid(String text) {
        return UUID.matcher(text).matches();
    }

    /**
     * Returns PostgreSQL's error text for a value that is not a uuid, as the real 500 bodies
     * carry it.
     */
    static String invalidUuidMessage(String text) {
        return "invalid input syntax for type uuid: \"" + text + "\"";
    }

    private static void health(Call call) throws IOException {
        ObjectNode json = Json.object();
        json.put("status", "healthy");
        json.put("timestamp", Json.timestamp(Instant.now()));
        call.respond(200, json);
    }
}
