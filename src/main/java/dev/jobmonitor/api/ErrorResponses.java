package dev.jobmonitor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Headers;

/**
 * Maps HTTP error responses and I/O failures to the typed {@link ApiException}s.
 *
 * <p>The backend's error bodies come in three shapes: {@code {error, message}},
 * {@code {success:false, error, message}}, and on a 429 {@code {error}} alone. Proxies in
 * between may send HTML or nothing. The exception message is the body's {@code message}, else its
 * {@code error}, else "HTTP &lt;code&gt;".
 */
final class ErrorResponses {
    private ErrorResponses() {
    }

    /** Returns the exception for an error response with the given status, headers and body. */
    static ApiException fromResponse(int code, Headers headers, String body, Clock clock) {
        JsonNode json = parseObject(body);
        String error = text(json, "error");
        String message = text(json, "message");
        String displayMessage = message != null ? message : error != null ? error : "HTTP " + code;

        switch (code) {
            case 401:
                return new UnauthorizedException(error, displayMessage);
            case 404:
                return new NotFoundException(error, displayMessage);
            case 429:
                Duration retryAfter = RateLimitHeaders.retryAfter(headers, clock);
                return new RateLimitedException(error, displayMessage,
                        retryAfter != null ? retryAfter : RateLimitHeaders.DEFAULT_RETRY_AFTER);
            default:
                // A 5xx text such as "Connection terminated due to connection timeout" reads
                // like a network failure unless the message names the server as its source.
                String shown = code >= 500 && !displayMessage.equals("HTTP " + code)
                        ? "Server error (HTTP " + code + "): " + displayMessage : displayMessage;
                return new ApiException(code, error, shown);
        }
    }

    /** Returns a network exception saying that {@code server} could not be reached, and why. */
    static NetworkException unreachable(URI server, IOException cause) {
        return new NetworkException("Cannot reach " + server + ": " + describe(cause), cause);
    }

    /** Returns a network exception saying that an open connection to {@code server} broke. */
    static NetworkException broken(URI server, IOException cause) {
        return new NetworkException(
                "Connection to " + server + " was interrupted: " + describe(cause), cause);
    }

    /** Describes an I/O failure in a few plain words, such as "connection refused". */
    static String describe(IOException cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (cause instanceof SocketTimeoutException || isOkHttpMessage(cause, "timeout")) {
            return "timed out";
        }
        if (isOkHttpMessage(cause, "executor rejected")) {
            return "the HTTP client is closed";
        }
        if ("canceled".equalsIgnoreCase(cause.getMessage())) {
            return "the request was cancelled";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    // OkHttp 5.5.1 reports an expired call timeout as InterruptedIOException("timeout"), a call
    // enqueued after its dispatcher shut down as InterruptedIOException("executor rejected"), and a
    // cancelled call as IOException("Canceled").
    private static boolean isOkHttpMessage(IOException cause, String message) {
        return cause instanceof InterruptedIOException && message.equals(cause.getMessage());
    }

    private static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        if (json == null) {
            return null;
        }
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
