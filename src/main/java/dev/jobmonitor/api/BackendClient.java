package dev.jobmonitor.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.CalendarRequest;
import dev.jobmonitor.api.model.CalendarStrategy;
import dev.jobmonitor.api.model.JobStatus;
import dev.jobmonitor.api.model.LoginResponse;
import dev.jobmonitor.api.model.User;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's REST and SSE routes that Job Monitor uses, over the clients of an
 * {@link HttpClients}.
 *
 * <p>Every call is asynchronous. Futures complete on OkHttp threads, exceptionally with an
 * {@link ApiException}: {@link UnauthorizedException} for 401, {@link NotFoundException} for 404,
 * {@link RateLimitedException} for 429, {@link NetworkException} when no response arrived, and a
 * plain {@code ApiException} for other error statuses and for bodies that are not the expected
 * JSON. Cancelling a returned future cancels its HTTP call.
 *
 * <p>Each request except sign-in and refresh carries {@code Authorization: Bearer} with the token
 * that {@link AccessTokenSource} returns at that moment. The token never goes into a URL, and
 * {@code x-session-id} is never sent. Every response with rate-limit headers is passed to the
 * {@link RateLimitListener}, on an OkHttp thread.
 */
public final class BackendClient implements JobApi {
    private static final Logger LOGGER = LoggerFactory.getLogger(BackendClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final URI baseUrl;
    private final HttpUrl apiRoot;
    private final AccessTokenSource tokens;
    private final RateLimitListener rateLimits;
    private final Clock clock;
    private final OkHttpClient rest;
    private final EventSource.Factory streamFactory;

    /**
     * Creates a client for the backend at {@code baseUrl}, such as {@code http://127.0.0.1:8080}
     * (see {@link #parseServerUrl(String)}). Closing {@code clients} ends all its calls.
     */
    public BackendClient(URI baseUrl, HttpClients clients, AccessTokenSource tokens,
                         RateLimitListener rateLimits) {
        this(baseUrl, clients, tokens, rateLimits, Clock.systemUTC());
    }

    BackendClient(URI baseUrl, HttpClients clients, AccessTokenSource tokens,
                  RateLimitListener rateLimits, Clock clock) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.apiRoot = HttpUrl.get(baseUrl).newBuilder().addPathSegments("api/v1").build();
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
        this.clock = clock;

        // newBuilder() keeps the dispatchers and the connection pool of HttpClients.
        this.rest = clients.rest().newBuilder()
                .addInterceptor(this::authorize)
                .addInterceptor(this::reportRateLimit)
                .build();
        // The normalizer is an application interceptor, so it wraps the body after the network
        // interceptor has, and activity still counts the bytes as they came from the network.
        OkHttpClient streams = clients.streams().newBuilder()
                .addInterceptor(new EventStreamNormalizer())
                .addInterceptor(this::authorize)
                .addInterceptor(this::reportRateLimit)
                .addNetworkInterceptor(new BodyActivityInterceptor())
                .build();
        this.streamFactory = EventSources.createFactory(streams);
    }

    /**
     * Parses a server URL typed by a user: {@code http(s)://host[:port][/base]}, with surrounding
     * blanks and trailing slashes removed.
     *
     * @throws IllegalArgumentException with a message for the user when the text is not such a URL
     */
    public static URI parseServerUrl(String text) {
        return ServerUrls.parse(text);
    }

    /** The server this client talks to, as given to the constructor. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Signs in with {@code POST /auth/login}, without a bearer token. */
    public CompletableFuture<LoginResponse> login(String email, String password) {
        RequestBody credentials = json(Map.of("email", email, "password", password));
        Request request = post(url("auth", "login"), credentials)
                .tag(Credentials.class, Credentials.NONE)
                .build();
        return send(request, (status, body) -> requireToken(read(body, LoginResponse.class)));
    }

    /** Exchanges a refresh token for a new token pair. The response carries no user. */
    public CompletableFuture<LoginResponse> refresh(String refreshToken) {
        Request request = post(url("auth", "refresh"), json(Map.of("refreshToken", refreshToken)))
                .tag(Credentials.class, Credentials.NONE)
                .build();
        return send(request, (status, body) -> requireToken(read(body, LoginResponse.class)));
    }

    /** Returns the signed-in user from {@code GET /auth/me}. */
    public CompletableFuture<User> me() {
        return send(get(url("auth", "me")).build(),
                (status, body) -> Json.MAPPER.treeToValue(field(body, "user"), User.class));
    }

    /** Returns the first 100 audiences of the user from {@code GET /audiences}. */
    public CompletableFuture<List<Audience>> audiences() {
        HttpUrl url = url("audiences").newBuilder().addQueryParameter("limit", "100").build();
        return send(get(url).build(),
                (status, body) -> list(field(body, "audiences"), Audience.class));
    }

    /** Returns one audience, with {@code content_calendar_job_id} while its job is young. */
    public CompletableFuture<Audience> audience(String audienceId) {
        return send(get(url("audiences", id(audienceId))).build(),
                (status, body) -> Json.MAPPER.treeToValue(field(body, "audience"), Audience.class));
    }

    /**
     * Asks for a content calendar for one audience. The server returns 201 with a new job, or 200
     * with the job already in progress for that audience.
     */
    public CompletableFuture<CalendarRequest> requestContentCalendar(String audienceId) {
        HttpUrl url = url("audiences", id(audienceId), "request-content-calendar");
        return send(post(url, RequestBody.EMPTY).build(), (status, body) -> {
            JsonNode json = object(body);
            String jobId = text(field(json, "jobId"));
            return new CalendarRequest(jobId, status == 201, text(json.get("message")));
        });
    }

    /** Returns the strategies with calendars from {@code GET /strategies/content-calendar}. */
    public CompletableFuture<List<CalendarStrategy>> contentCalendarStrategies() {
        return send(get(url("strategies", "content-calendar")).build(),
                (status, body) -> list(field(body, "strategies"), CalendarStrategy.class));
    }

    @Override
    public CompletableFuture<JobStatus> status(String jobId) {
        return send(get(url("jobs", id(jobId), "status")).build(),
                (status, body) -> Json.MAPPER.treeToValue(object(body), JobStatus.class));
    }

    @Override
    public CompletableFuture<Void> retry(String jobId) {
        return send(post(url("jobs", id(jobId), "retry"), RequestBody.EMPTY).build(),
                (status, body) -> null);
    }

    @Override
    public CompletableFuture<Void> cancel(String jobId) {
        return send(post(url("jobs", id(jobId), "cancel"), RequestBody.EMPTY).build(),
                (status, body) -> null);
    }

    /**
     * Opens {@code GET /jobs/:id/stream} on the stream client. The listener's callbacks and their
     * guarantees are described on {@link JobStreamListener} and {@link JobStream}.
     */
    @Override
    public JobStream openStream(String jobId, JobStreamListener listener) {
        Objects.requireNonNull(listener, "listener");
        Request.Builder request = get(url("jobs", id(jobId), "stream"))
                .header("Accept", "text/event-stream");
        return SseJobStream.open(streamFactory, request, jobId, listener, baseUrl, clock);
    }

    private <T> CompletableFuture<T> send(Request request, BodyReader<T> reader) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Call call = rest.newCall(request);
        future.whenComplete((value, error) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                fail(future, request, ErrorResponses.unreachable(baseUrl, e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                complete(future, request, response, reader);
            }
        });
        return future;
    }

    private <T> void complete(CompletableFuture<T> future, Request request, Response response,
                              BodyReader<T> reader) {
        String body;
        try (response) {
            body = response.body().string();
        } catch (IOException e) {
            fail(future, request, ErrorResponses.broken(baseUrl, e));
            return;
        }

        if (!response.isSuccessful()) {
            fail(future, request, ErrorResponses.fromResponse(
                    response.code(), response.headers(), body, clock));
            return;
        }
        // Catches runtime exceptions too, because one thrown out of this OkHttp callback would
        // leave the future pending forever.
        try {
            future.complete(reader.read(response.code(), body));
        } catch (JsonProcessingException | RuntimeException e) {
            String detail = e instanceof JsonProcessingException
                    ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
            LOGGER.warn("Unreadable response to {} {}: {}", request.method(),
                    request.url().encodedPath(), detail);
            String problem = detail != null && detail.startsWith("missing field")
                    ? detail : "not the expected JSON";
            fail(future, request, new ApiException(response.code(), null,
                    "Unexpected response from " + baseUrl + " (HTTP " + response.code() + ", "
                            + problem + "). Check that the URL points at the backend.", e));
        }
    }

    private void fail(CompletableFuture<?> future, Request request, ApiException error) {
        if (future.isDone()) {
            return;
        }
        LOGGER.warn("{} {} failed: {}", request.method(), request.url().encodedPath(),
                error.getMessage());
        future.completeExceptionally(error);
    }

    private Response authorize(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        boolean anonymous = request.tag(Credentials.class) == Credentials.NONE;
        String token = anonymous ? null : tokens.accessToken();
        if (token == null || token.isBlank()) {
            return chain.proceed(request);
        }

        Request authorized = request.newBuilder().header("Authorization", "Bearer " + token).build();
        return chain.proceed(authorized);
    }

    private Response reportRateLimit(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        RateLimitHeaders.parse(response.headers(), clock).ifPresent(status -> {
            try {
                rateLimits.onRateLimit(status);
            } catch (RuntimeException e) {
                LOGGER.warn("Rate-limit listener failed", e);
            }
        });
        return response;
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder builder = apiRoot.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }

    private static Request.Builder get(HttpUrl url) {
        return new Request.Builder().url(url).get();
    }

    private static Request.Builder post(HttpUrl url, RequestBody body) {
        return new Request.Builder().url(url).post(body);
    }

    private static RequestBody json(Map<String, String> fields) {
        try {
            return RequestBody.create(Json.MAPPER.writeValueAsBytes(fields), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a map of strings as JSON", e);
        }
    }

    /**
     * Checks an id that becomes one path segment. OkHttp resolves "." and ".." segments, which
     * would point the request at another route.
     */
    private static String id(String value) {
        Objects.requireNonNull(value, "id");
        if (value.isBlank() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(
                    "Invalid id '" + value + "': expected a job or audience id");
        }
        return value;
    }

    private static <T> T read(String body, Class<T> type) throws JsonProcessingException {
        return Json.MAPPER.treeToValue(object(body), type);
    }

    private static <T> List<T> list(JsonNode array, Class<T> type) throws JsonProcessingException {
        return Json.MAPPER.treeToValue(array,
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    }

    private static JsonNode object(String body) throws JsonProcessingException {
        JsonNode node = Json.MAPPER.readTree(body);
        if (node == null || !node.isObject()) {
            throw invalid("expected a JSON object");
        }
        return node;
    }

    private static JsonNode field(String body, String name) throws JsonProcessingException {
        return field(object(body), name);
    }

    private static JsonNode field(JsonNode object, String name) throws JsonProcessingException {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw invalid("missing field '" + name + "'");
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static LoginResponse requireToken(LoginResponse response)
            throws JsonProcessingException {
        if (response.accessToken() == null || response.accessToken().isBlank()) {
            throw invalid("missing field 'accessToken'");
        }
        return response;
    }

    private static JsonMappingException invalid(String problem) {
        return JsonMappingException.from((JsonParser) null, problem);
    }

    /** Reads a successful response body. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(int status, String body) throws JsonProcessingException;
    }

    /** Request tag for the routes that must not carry a bearer token. */
    private enum Credentials {
        NONE
    }
}
