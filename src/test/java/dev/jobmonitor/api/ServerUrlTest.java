package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:8080            | http://127.0.0.1:8080",
        "'  http://127.0.0.1:8080/  '     | http://127.0.0.1:8080",
        "https://api.example.test         | https://api.example.test",
        "HTTPS://api.example.test//       | https://api.example.test",
        "http://localhost:3001/backend/   | http://localhost:3001/backend",
        "http://[::1]:8080                | http://[::1]:8080",
    })
    void validUrlsAreNormalised(String text, String expected) {
        assertEquals(URI.create(expected), BackendClient.parseServerUrl(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
        "foo",
        "127.0.0.1:8080",
        "ftp://127.0.0.1",
        "http://",
        "http://user:pw@127.0.0.1:8080",
        "http://127.0.0.1:8080/?token=abc",
        "http://127.0.0.1:8080#top",
        "http://exa mple.test",
    })
    void invalidUrlsAreRejectedWithHint(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BackendClient.parseServerUrl(text));

        assertEquals("Invalid server URL '" + text + "': use http://host:port or https://host",
                error.getMessage());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"http://127.0.0.1:99999", "http://127.0.0.1:0"})
    void portOutOfRangeIsNamed(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BackendClient.parseServerUrl(text));

        assertTrue(error.getMessage().contains("is out of range; use 1 to 65535"), error.getMessage());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"http://127.0.0.1:8080/api/v1", "http://127.0.0.1:8080/api/v1/"})
    void apiRootIsStripped(String text) {
        assertEquals("http://127.0.0.1:8080", BackendClient.parseServerUrl(text).toString());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "   ", "/"})
    void blankUrlIsMissing(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BackendClient.parseServerUrl(text));

        assertEquals("Server URL is missing: use http://host:port", error.getMessage());
    }

    @org.junit.jupiter.api.Test
    void nullUrlIsMissing() {
        assertThrows(IllegalArgumentException.class, () -> BackendClient.parseServerUrl(null));
    }
}
