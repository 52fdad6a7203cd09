package dev.jobmonitor.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import okio.Buffer;

/** Loads the real backend's recorded responses from {@code src/test/resources/captures}. */
final class Captures {
    // MockWebServer writes its own framing, so the captured framing headers are left out.
    private static final List<String> FRAMING_HEADERS =
            List.of("content-length", "transfer-encoding", "connection", "keep-alive");

    private Captures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No capture named " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** Returns the status code on the first line of a {@code .headers.txt} capture. */
    static int status(String headersName) {
        String statusLine = text(headersName).split("\r\n", 2)[0];
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    /** Returns the headers of a {@code .headers.txt} capture, without the framing headers. */
    static Headers headers(String headersName) {
        Headers.Builder headers = new Headers.Builder();
        String[] lines = text(headersName).split("\r\n");
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String name = lines[i].substring(0, lines[i].indexOf(':'));
            if (!FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(lines[i]);
            }
        }
        return headers.build();
    }

    /** Creates a JSON response with the given status and a captured body. */
    static MockResponse json(int code, String bodyName) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .body(new Buffer().write(bytes(bodyName)))
                .build();
    }

    /** Creates a response with the captured status, headers and body of one exchange. */
    static MockResponse exchange(String headersName, String bodyName) {
        return new MockResponse.Builder()
                .code(status(headersName))
                .headers(headers(headersName))
                .body(new Buffer().write(bytes(bodyName)))
                .build();
    }

    /** Creates a captured stream response, chunked in large chunks as the backend sends it. */
    static MockResponse stream(String name) {
        return streamBuilder(name, 8192).build();
    }

    /**
     * Creates a captured stream response with one byte per chunk, so that every read of the body
     * returns one byte and event lines are split at every possible place. Throttling also spreads
     * the bytes over many TCP writes.
     */
    static MockResponse streamSplit(String name) {
        return streamBuilder(name, 1).throttleBody(64, 1, TimeUnit.MILLISECONDS).build();
    }

    private static MockResponse.Builder streamBuilder(String name, int bytesPerChunk) {
        return new MockResponse.Builder()
                .code(status(name + ".headers.txt"))
                .headers(headers(name + ".headers.txt"))
                .chunkedBody(new Buffer().write(bytes(name + ".sse")), bytesPerChunk);
    }
}
