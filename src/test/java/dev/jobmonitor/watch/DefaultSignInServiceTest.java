package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.api.Json;
import dev.jobmonitor.api.UnauthorizedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain-HTTP refusal and remember-me of the real sign-in service, against MockWebServer. */
class DefaultSignInServiceTest {
    private static final String EMAIL = "dana@example.test";
    private static final long TIMEOUT_SECONDS = 5;

    @TempDir
    Path dataDir;

    private final InMemoryCredentialStore store = new InMemoryCredentialStore();
    private final List<AccountSession> sessions = new CopyOnWriteArrayList<>();
    private MockWebServer server;
    private HttpClients clients;
    private String baseUrl;
    private DefaultSignInService service;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        baseUrl = "http://127.0.0.1:" + server.getPort();
        clients = new HttpClients();
        service = new DefaultSignInService(clients, dataDir, Clock.systemUTC(),
                WatchPolicy.defaults(), (url, email) -> List.of())
                .rememberWith(CompletableFuture.completedFuture(store));
    }

    @AfterEach
    void stopServer() {
        sessions.forEach(AccountSession::close);
        clients.close();
        server.close();
    }

    /**
     * 0.0.0.0 is not loopback, so it needs consent, but a connection to it stays on this
     * machine and reaches the server on 127.0.0.1: a missing check sends nothing elsewhere.
     */
    @Test
    void plainHttpRefusedBeforeAnyRequest() {
        String url = "http://0.0.0.0:" + server.getPort();

        Throwable failure = failureOf(service.signIn(url, EMAIL, "secret".toCharArray()));

        PlainHttpRejectedException rejected =
                assertInstanceOf(PlainHttpRejectedException.class, failure);
        assertEquals("0.0.0.0", rejected.host());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void plainHttpAllowedForOneServerSignsIn() throws Exception {
        List<URI> checkedServers = new CopyOnWriteArrayList<>();
        String url = "http://0.0.0.0:" + server.getPort();
        service.allowPlainHttp(uri -> checkedServers.add(uri) && uri.toString().equals(url));
        server.enqueue(json(loginBody("r1")));

        AccountSession session = opened(service.signIn(url + "/", EMAIL, "secret".toCharArray()));

        assertEquals(URI.create(url), session.serverUrl());
        assertEquals(List.of(URI.create(url)), checkedServers);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void loopbackNeedsNoConsent() throws Exception {
        server.enqueue(json(loginBody("r1")));

        opened(service.signIn("http://localhost:" + server.getPort(), EMAIL,
                "secret".toCharArray()));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void rememberedSignInSavesRefreshToken() throws Exception {
        server.enqueue(json(loginBody("r1")));

        opened(service.signIn(baseUrl, EMAIL, "secret".toCharArray(), true));

        waitUntil(() -> store.tokens().equals(Map.of(baseUrl + " " + EMAIL, "r1")));
        assertTrue(service.canRemember().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void resumeUsesSavedTokenAndSavesRotatedOne() throws Exception {
        store.save(baseUrl + " " + EMAIL, "r1");
        server.enqueue(json(tokensBody("r2")));
        server.enqueue(json("{\"success\":true,\"user\":{\"id\":\"u1\",\"email\":\"" + EMAIL
                + "\"}}"));

        AccountSession session = opened(service.resume(baseUrl, "Dana@Example.test "));

        assertEquals("u1", session.user().id());
        RecordedRequest refresh = server.takeRequest();
        assertEquals("/api/v1/auth/refresh", refresh.getUrl().encodedPath());
        assertEquals("r1", Json.MAPPER.readTree(refresh.getBody().utf8())
                .get("refreshToken").asText());
        RecordedRequest me = server.takeRequest();
        assertEquals("/api/v1/auth/me", me.getUrl().encodedPath());
        assertTrue(me.getHeaders().get("Authorization").startsWith("Bearer "));
        waitUntil(() -> "r2".equals(store.tokens().get(baseUrl + " " + EMAIL)));
    }

    @Test
    void rejectedSavedTokenIsDeleted() {
        store.save(baseUrl + " " + EMAIL, "stale");
        server.enqueue(new MockResponse.Builder().code(401)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":\"Invalid refresh token\",\"message\":\"Invalid refresh token\"}")
                .build());

        Throwable failure = failureOf(service.resume(baseUrl, EMAIL));

        assertInstanceOf(UnauthorizedException.class, failure);
        waitUntil(() -> store.tokens().isEmpty());
    }

    @Test
    void resumeWithoutSavedTokenSendsNothing() {
        Throwable failure = failureOf(service.resume(baseUrl, EMAIL));

        assertInstanceOf(UnauthorizedException.class, failure);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void signInWithoutRememberDeletesSavedToken() throws Exception {
        store.save(baseUrl + " " + EMAIL, "r0");
        server.enqueue(json(loginBody("r1")));

        opened(service.signIn(baseUrl, EMAIL, "secret".toCharArray(), false));

        waitUntil(() -> store.tokens().isEmpty());
        assertEquals(List.of("r0"), store.savedTokens());
    }

    @Test
    void forgetDeletesSavedToken() throws Exception {
        store.save(baseUrl + " " + EMAIL, "r1");

        service.forget(baseUrl + "/", EMAIL).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertTrue(store.tokens().isEmpty());
    }

    @Test
    void withoutStoreRememberIsUnavailable() throws Exception {
        DefaultSignInService plain = new DefaultSignInService(clients, dataDir, Clock.systemUTC(),
                WatchPolicy.defaults(), (url, email) -> List.of());

        assertFalse(plain.canRemember().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private AccountSession opened(CompletableFuture<AccountSession> signIn) throws Exception {
        AccountSession session = signIn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        sessions.add(session);
        return session;
    }

    private static Throwable failureOf(CompletableFuture<AccountSession> signIn) {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> signIn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        return failed.getCause();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String loginBody(String refreshToken) {
        return "{\"success\":true,\"user\":{\"id\":\"u1\",\"email\":\"" + EMAIL + "\"},"
                + tokenFields(refreshToken) + "}";
    }

    private static String tokensBody(String refreshToken) {
        return "{\"success\":true," + tokenFields(refreshToken) + "}";
    }

    private static String tokenFields(String refreshToken) {
        return "\"accessToken\":\"" + jwt() + "\",\"refreshToken\":\"" + refreshToken
                + "\",\"expiresIn\":\"7d\"";
    }

    /** Returns an access token that expires in a day, so no refresh runs during a test. */
    private static String jwt() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        long exp = Instant.now().plus(1, ChronoUnit.DAYS).getEpochSecond();
        return encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(("{\"userId\":\"u1\",\"exp\":" + exp + "}")
                        .getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT_SECONDS + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
