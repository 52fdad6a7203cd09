package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.http.Exchange;
import dev.jobmonitor.demo.http.HttpRequest;
import dev.jobmonitor.demo.http.HttpResponse;
import dev.jobmonitor.demo.http.RequestHandler;
import dev.jobmonitor.demo.sim.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests to routes in the real backend's middleware order: count, rate limit,
 * JSON body, route, 404. Logs one line per request when its status line is written.
 */
public final class Router implements RequestHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(Router.class);
    private static final String TOO_MANY_REQUESTS =
            "Too many requests from this IP, please try again later.";

    private final List<Route> routes;
    private final Supplier<RateLimiter> rateLimiter;
    private final RequestCounter counter;

    /** @param rateLimiter supplies the request budget in force, or null for none */
    Router(List<Route> routes, Supplier<RateLimiter> rateLimiter, RequestCounter counter) {
        this.routes = List.copyOf(routes);
        this.rateLimiter = rateLimiter;
        this.counter = counter;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        HttpRequest request = exchange.request();
        long start = System.nanoTime();
        // The path is logged without its query string, because ?token= may carry a JWT.
        exchange.onCommit(status -> LOGGER.info("{} {} {} {} ms", request.method(),
                request.path(), status, (System.nanoTime() - start) / 1_000_000));
        String path = normalise(request.path());
        Route route = null;
        Map<String, String> parameters = null;
        for (Route candidate : routes) {
            parameters = candidate.method().equals(request.method()) ? candidate.match(path) : null;
            if (parameters != null) {
                route = candidate;
                break;
            }
        }
        counter.record(request.method(), route == null ? RequestCounter.UNMATCHED : route.pattern());
        try {
            dispatch(exchange, route, parameters, path);
        } catch (RuntimeException e) {
            LOGGER.error("Request {} {} failed", request.method(), request.path(), e);
            if (!exchange.isCommitted()) {
                sendJson(exchange, 500, Call.error("Internal server error", e.toString()));
            }
        }
    }

    private void dispatch(Exchange exchange, Route route, Map<String, String> parameters, String path)
            throws IOException {
        RateLimiter budget = rateLimiter.get();
        if (budget != null && !path.equals("/health") && !allowedByBudget(budget, exchange)) {
            return;
        }
        JsonNode body;
        try {
            body = parseBody(exchange.request());
        } catch (InvalidJsonException e) {
            sendJson(exchange, 400, Call.error("Invalid JSON format", e.getMessage()));
            return;
        }
        if (route == null) {
            ObjectNode json = Json.object();
            json.put("error", "Endpoint not found");
            json.put("method", exchange.request().method());
            json.put("path", exchange.request().path());
            exchange.send(HttpResponse.json(404, Json.write(json)));
            return;
        }
        route.handler().handle(new Call(exchange, parameters, body));
        if (!exchange.isCommitted()) {
            throw new IllegalStateException("Route " + route.pattern() + " sent no response");
        }
    }

    private boolean allowedByBudget(RateLimiter budget, Exchange exchange) throws IOException {
        RateLimiter.Decision decision = budget.hit(exchange.request().remoteAddress());
        String policy = decision.limit() + ";w=" + decision.windowSeconds();
        exchange.addLeadingHeader("RateLimit-Policy", policy);
        exchange.addLeadingHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        exchange.addLeadingHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
        exchange.addLeadingHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            return true;
        }
        exchange.addLeadingHeader("Retry-After", Long.toString(decision.resetSeconds()));
        ObjectNode json = Json.object();
        json.put("error", TOO_MANY_REQUESTS);
        exchange.send(HttpResponse.json(429, Json.write(json)));
        return false;
    }

    /**
     * Parses a JSON body the way Express's json parser does: only for a JSON content type, and
     * only objects or arrays. Anything else yields an empty object.
     */
    private static JsonNode parseBody(HttpRequest request) throws InvalidJsonException {
        String contentType = request.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return Json.object();
        }
        String text = new String(request.body(), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return Json.object();
        }
        if (!text.startsWith("{") && !text.startsWith("[")) {
            throw new InvalidJsonException("Unexpected token '" + text.charAt(0)
                    + "': a JSON body must be an object or an array");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node.isObject() ? node : Json.object();
        } catch (JsonProcessingException e) {
            String firstLine = e.getOriginalMessage().lines().findFirst().orElse("Malformed JSON");
            throw new InvalidJsonException(firstLine);
        }
    }

    /** A request body that claims to be JSON but does not parse. */
    private static final class InvalidJsonException extends Exception {
        InvalidJsonException(String message) {
            super(message);
        }
    }

    private static void sendJson(Exchange exchange, int status, JsonNode body) throws IOException {
        exchange.send(HttpResponse.json(status, Json.write(body)));
    }

    /** Drops one trailing slash, as Express matches {@code /a/} like {@code /a}. */
    private static String normalise(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
