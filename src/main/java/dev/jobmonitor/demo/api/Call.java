package dev.jobmonitor.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.http.Exchange;
import dev.jobmonitor.demo.http.HttpRequest;
import dev.jobmonitor.demo.http.HttpResponse;
import dev.jobmonitor.demo.sim.Json;
import java.io.IOException;
import java.util.Map;

/** One routed request: the exchange, the path parameters and the parsed JSON body. */
final class Call {
    private final Exchange exchange;
    private final Map<String, String> parameters;
    private final JsonNode body;

    Call(Exchange exchange, Map<String, String> parameters, JsonNode body) {
        this.exchange = exchange;
        this.parameters = Map.copyOf(parameters);
        this.body = body;
    }

    Exchange exchange() {
        return exchange;
    }

    HttpRequest request() {
        return exchange.request();
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** Returns the JSON body, or an empty object when the request had none. */
    JsonNode body() {
        return body;
    }

    /** Returns a string field of the body, or null when it is absent or not a string. */
    String bodyText(String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    void respond(int status, JsonNode json) throws IOException {
        exchange.send(HttpResponse.json(status, Json.write(json)));
    }

    void respond(HttpResponse response) throws IOException {
        exchange.send(response);
    }

    /** Builds {@code {error, message}}, the body shape of the auth and global handlers. */
    static ObjectNode error(String error, String message) {
        ObjectNode json = Json.object();
        json.put("error", error);
        json.put("message", message);
        return json;
    }

    /**
     * Builds {@code {success:false, error, message}}, the body shape of job and audience
     * routes.
     */
    static ObjectNode failure(String error, String message) {
        ObjectNode json = Json.object();
        json.put("success", false);
        json.put("error", error);
        json.put("message", message);
        return json;
    }
}
