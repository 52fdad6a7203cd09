package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpLayerTest {
    private DemoBackend backend;

    @BeforeEach
    void startBackend() throws IOException {
        backend = DemoBackend.start(DemoConfig.builder()
                .seedData(false)
                .autoJobs(false)
                .connectionIdleTimeout(Duration.ofMillis(300))
                .build());
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void malformedRequestLineGives400AndCloses() throws IOException {
        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.sendRaw("HELLO\r\n\r\n");

            assertEquals(400, client.head().status());
            assertEquals("close", client.head().header("Connection"));
            assertTrue(client.closesWithin(Duration.ofSeconds(2)));
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneSocket() throws IOException {
        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            for (int i = 0; i < 3; i++) {
                client.get("/health");
                assertEquals(200, client.head().status());
                assertEquals("keep-alive", client.head().header("Connection"));
                assertTrue(client.fixedBody().startsWith("{\"status\":\"healthy\""));
            }
        }
    }

    @Test
    void jsonResponseHasExpressHeaders() throws IOException {
        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.get("/api/v1/jobs/abc/status");

            assertTrue(client.head().text().matches("HTTP/1\\.1 401 Unauthorized\r\nX-Powered-By: Express\r\n"
                    + "Content-Type: application/json; charset=utf-8\r\nContent-Length: 108\r\nDate: [^\r]+ GMT\r\n"
                    + "Connection: keep-alive\r\nKeep-Alive: timeout=1\r\n\r\n"), client.head().text());
        }
    }

    @Test
    void emptyPostWithContentLengthZeroIsRead() throws IOException {
        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.sendRaw("POST /api/v1/auth/refresh HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertEquals(400, client.head().status());
            assertTrue(client.fixedBody().contains("Missing refresh token"));

            client.get("/health");
            assertEquals(200, client.head().status());
        }
    }

    @Test
    void connectionCloseRequestIsHonoured() throws IOException {
        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.get("/health", "Connection: close");

            assertEquals("close", client.head().header("Connection"));
            client.fixedBody();
            assertTrue(client.closesWithin(Duration.ofSeconds(2)));
        }
    }

    @Test
    void idleConnectionClosesAfterTimeout() throws IOException {
        try (RawHttpClient client = new RawHttpClient(backend.port())) {
            client.get("/health");
            client.fixedBody();

            assertTrue(client.closesWithin(Duration.ofSeconds(3)));
        }
    }

    @Test
    void okHttpReusesOneConnection() throws IOException {
        ApiClient api = new ApiClient(backend.baseUrl());

        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.get("/health", null).status());
        }

        assertEquals(1, api.http().connectionPool().connectionCount());
    }
}
