package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretScrubberTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Authorization: Bearer abc.def-ghi            | Authorization: [redacted]
            sent bearer Zm9vYmFy to the server           | sent bearer [redacted] to the server
            GET /stream?token=s3cr3t&limit=5             | GET /stream?token=[redacted]&limit=5
            {"access_token":"eyJh","user":"dana"}        | {"access_token":"[redacted]","user":"dana"}
            login with password=hunter 2 (typed)          | login with password=[redacted]
            {"password": "correct horse"}                | {"password": "[redacted]"}
            jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig | jwt [redacted]
            job 7c1d2e3f failed: timeout                 | job 7c1d2e3f failed: timeout
            """)
    void scrubsSecrets(String text, String expected) {
        assertEquals(expected, SecretScrubber.scrub(text));
    }
}
