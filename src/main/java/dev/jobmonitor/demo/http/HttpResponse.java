package dev.jobmonitor.demo.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A complete response with a {@code Content-Length} body. Headers keep the order they were
 * added.
 */
public final class HttpResponse {
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final byte[] body;
    private String contentType;

    public HttpResponse(int status, byte[] body) {
        this.status = status;
        this.body = body.clone();
    }

    /** Creates a response whose body is the given JSON text, with Express's content type. */
    public static HttpResponse json(int status, String json) {
        HttpResponse response = new HttpResponse(status, json.getBytes(StandardCharsets.UTF_8));
        response.contentType = JSON_TYPE;
        return response;
    }

    /** Adds a header; a name may repeat, as {@code Set-Cookie} does. */
    public HttpResponse header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    public int status() {
        return status;
    }

    /**
     * Returns the content type, or null; it is written after the other headers, as Express
     * does.
     */
    public String contentType() {
        return contentType;
    }

    public List<Map.Entry<String, String>> headers() {
        return List.copyOf(headers);
    }

    public byte[] body() {
        return body.clone();
    }

    /** Returns the standard reason phrase of a status code. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
