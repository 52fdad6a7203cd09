package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A client on a raw socket, so tests can assert exact bytes, chunk boundaries, resets and
 * silence. Not thread-safe.
 */
final class RawHttpClient implements AutoCloseable {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
    private Head head;
    private boolean endOfStream;

    /** The status line and headers of a response. */
    record Head(int status, Map<String, String> headers, String text) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The body decoded from chunked encoding, with the size of every chunk. */
    record Chunked(String text, List<Integer> chunkSizes, boolean ended) {
    }

    RawHttpClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends a GET with the given extra header lines, such as {@code "Authorization: Bearer x"}. */
    RawHttpClient get(String target, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        sendRaw(request.append("\r\n").toString());
        return this;
    }

    void sendRaw(String text) throws IOException {
        head = null;
        bodyBytes.reset();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads the response head, byte by byte so no body bytes are consumed. */
    Head head() throws IOException {
        if (head != null) {
            return head;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                fail("Connection closed inside the response head: " + bytes.toString(StandardCharsets.ISO_8859_1));
            }
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(), (first, second) -> first + "\n" + second);
        }
        head = new Head(Integer.parseInt(lines[0].split(" ")[1]), headers, text);
        return head;
    }

    /** Reads a {@code Content-Length} body. */
    String fixedBody() throws IOException {
        int length = Integer.parseInt(head().header("content-length"));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Reads chunked data until the decoded text satisfies the condition; fails after the timeout. */
    Chunked awaitBody(Predicate<String> condition, Duration timeout) throws IOException {
        head();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Chunked chunked = decode();
            if (condition.test(chunked.text())) {
                return chunked;
            }
            if (endOfStream || chunked.ended()) {
                fail("Stream ended before the expected text; received:\n" + chunked.text());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !readMore(Duration.ofNanos(left))) {
                fail("Timed out waiting for the expected text; received:\n" + chunked.text());
            }
        }
    }

    Chunked awaitText(String expected) throws IOException {
        return awaitBody(text -> text.contains(expected), DEFAULT_TIMEOUT);
    }

    /** Reads until the server sends nothing for {@code quiet}; returns everything decoded so far. */
    Chunked readUntilQuiet(Duration quiet) throws IOException {
        head();
        while (!endOfStream && readMore(quiet)) {
            // Keep reading while bytes arrive.
        }
        return decode();
    }

    /**
     * Waits for more bytes or the end of the stream; returns false when none came in time.
     *
     * @throws IOException when the connection was reset
     */
    boolean awaitMoreBytes(Duration timeout) throws IOException {
        head();
        return readMore(timeout);
    }

    /** Returns whether the connection ends (EOF or reset) within the timeout. */
    boolean closesWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!endOfStream) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                if (!readMore(Duration.ofNanos(left))) {
                    return false;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return true;
    }

    /** Closes the sending side only (TCP FIN), as a client that stops a stream but still reads. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    Chunked decoded() {
        return decode();
    }

    boolean endOfStream() {
        return endOfStream;
    }

    /** Reads what is available; returns false on timeout. Sets end of stream on EOF. */
    private boolean readMore(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        byte[] buffer = new byte[8192];
        try {
            int read = in.read(buffer);
            if (read < 0) {
                endOfStream = true;
                return true;
            }
            bodyBytes.write(buffer, 0, read);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Decodes the complete chunks received so far. */
    private Chunked decode() {
        byte[] raw = bodyBytes.toByteArray();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        int position = 0;
        while (true) {
            int lineEnd = indexOfCrlf(raw, position);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(raw, position, lineEnd - position, StandardCharsets.US_ASCII), 16);
            if (size == 0) {
                return new Chunked(text.toString(StandardCharsets.UTF_8), sizes, true);
            }
            int dataStart = lineEnd + 2;
            if (raw.length < dataStart + size + 2) {
                break;
            }
            text.write(raw, dataStart, size);
            sizes.add(size);
            position = dataStart + size + 2;
        }
        return new Chunked(text.toString(StandardCharsets.UTF_8), sizes, false);
    }

    private static int indexOfCrlf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
