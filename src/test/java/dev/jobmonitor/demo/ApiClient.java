package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A JSON client over OkHttp, the library the app uses, with no cookie jar. */
final class ApiClient {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final String baseUrl;

    /** A response with its body parsed as JSON, or null when the body is not JSON. */
    record JsonResponse(int status, Headers headers, String text, JsonNode json) {
    }

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = new OkHttpClient.Builder()
                .readTimeout(Duration.ofSeconds(5))
                .retryOnConnectionFailure(false)
                .build();
    }

    OkHttpClient http() {
        return http;
    }

    JsonResponse get(String path, String token) throws IOException {
        return execute(request(path, token).get().build());
    }

    JsonResponse post(String path, String token, String jsonBody) throws IOException {
        return execute(request(path, token).post(RequestBody.create(jsonBody, JSON)).build());
    }

    /** Logs in and returns the access token; fails the test unless login succeeds. */
    String login(String email, String password) throws IOException {
        JsonResponse response = post("/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, response.status(), response.text());
        return response.json().get("accessToken").asText();
    }

    String loginDemo() throws IOException {
        return login(DemoBackend.DEMO_EMAIL, DemoBackend.DEMO_PASSWORD);
    }

    private Request.Builder request(String path, String token) {
        Request.Builder builder = new Request.Builder().url(baseUrl + path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Sends any request, for cases that need extra headers. */
    JsonResponse execute(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            JsonNode json = null;
            if (text.startsWith("{") || text.startsWith("[")) {
                json = MAPPER.readTree(text);
            }
            return new JsonResponse(response.code(), response.headers(), text, json);
        }
    }
}
