package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainHttpPolicyTest {
    @ParameterizedTest(name = "{0} needs consent for host ''{1}''")
    @CsvSource({
        "http://10.0.0.5, 10.0.0.5",
        "http://10.0.0.5:8080, 10.0.0.5",
        "http://example.com, example.com",
        "http://localhost.example.com, localhost.example.com",
        "http://127.0.0.1.example.com, 127.0.0.1.example.com",
        "http://128.0.0.1, 128.0.0.1",
        "http://0.0.0.0:9, 0.0.0.0",
        "http://[::2], [::2]",
        "HTTP://Example.COM/api, Example.COM",
    })
    void plainHttpElsewhereNeedsConsent(String url, String host) {
        assertEquals(Optional.of(host), PlainHttpPolicy.hostRequiringConsent(URI.create(url)));
    }

    @ParameterizedTest(name = "{0} needs no consent")
    @CsvSource({
        "http://localhost",
        "http://LOCALHOST:8080",
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://127.255.255.255/base",
        "http://[::1]:8080",
        "http://[0:0:0:0:0:0:0:1]",
        "https://example.com",
        "https://10.0.0.5:8443",
        "HTTPS://localhost.example.com",
    })
    void loopbackAndHttpsNeedNoConsent(String url) {
        assertEquals(Optional.empty(), PlainHttpPolicy.hostRequiringConsent(URI.create(url)));
    }

    @Test
    void checkRejectsUnlessAllowed() {
        URI server = URI.create("http://10.0.0.5");

        PlainHttpRejectedException rejected = assertThrows(PlainHttpRejectedException.class,
                () -> PlainHttpPolicy.check(server, false));

        assertEquals("10.0.0.5", rejected.host());
        assertEquals("Plain http:// to 10.0.0.5 is not allowed: passwords and tokens would cross"
                + " the network unencrypted. Use https://, or allow unencrypted HTTP for this"
                + " server.", rejected.getMessage());
        PlainHttpPolicy.check(server, true);
    }

    @Test
    void invalidIpv4LiteralIsNotLoopback() {
        assertFalse(PlainHttpPolicy.isLoopback("127.0.0.256"));
        assertFalse(PlainHttpPolicy.isLoopback("[::1"));
        assertTrue(PlainHttpPolicy.isLoopback("localhost."));
    }
}
