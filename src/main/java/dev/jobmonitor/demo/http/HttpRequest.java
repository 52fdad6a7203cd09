package dev.jobmonitor.demo.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request.
 *
 * @param method the request method, upper case as sent
 * @param path the decoded path without the query string
 * @param query decoded query parameters in the order sent
 * @param headers header values keyed by lower-case name
 * @param body the request body, empty when there was none
 * @param remoteAddress the client's IP address
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 */
public record HttpRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        String remoteAddress,
        String version) {

    /** Returns the first value of a header, or null. The name is matched case-insensitively. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Returns the first value of a query parameter, or null. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Returns whether the client lets the connection stay open after this exchange. */
    public boolean keepAlive() {
        String connection = header("connection");
        if ("HTTP/1.0".equals(version)) {
            return connection != null && connection.equalsIgnoreCase("keep-alive");
        }
        return connection == null || !connection.equalsIgnoreCase("close");
    }
}
