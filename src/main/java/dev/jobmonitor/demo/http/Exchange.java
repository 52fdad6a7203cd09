package dev.jobmonitor.demo.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * One request and its response on a connection. A handler sends exactly one response, either
 * complete ({@link #send}) or chunked ({@link #startChunked}). Used only on the connection's thread,
 * except that the {@link ChunkedBody} and {@link #connection()} may be used from any thread.
 */
public final class Exchange {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final HttpRequest request;
    private final OutputStream out;
    private final HttpConnection connection;
    private final int keepAliveSeconds;
    private final List<Map.Entry<String, String>> leadingHeaders = new ArrayList<>();
    private IntConsumer commitListener = status -> { };
    private int status;
    private ChunkedBody chunkedBody;
    private boolean keepAlive;

    Exchange(HttpRequest request, OutputStream out, HttpConnection connection, int keepAliveSeconds) {
        this.request = request;
        this.out = out;
        this.connection = connection;
        this.keepAliveSeconds = keepAliveSeconds;
        this.keepAlive = request.keepAlive();
    }

    public HttpRequest request() {
        return request;
    }

    public ConnectionControl connection() {
        return connection;
    }

    /** Adds a header that goes before the response's own headers, as rate-limit headers do. */
    public void addLeadingHeader(String name, String value) {
        leadingHeaders.add(Map.entry(name, value));
    }

    /** Sets the callback that runs once the status line is written, with the status code. */
    public void onCommit(IntConsumer listener) {
        this.commitListener = listener;
    }

    public boolean isCommitted() {
        return status != 0;
    }

    /** Returns the status sent, or 0 before the response starts. */
    public int status() {
        return status;
    }

    /** Writes a complete response with a {@code Content-Length} body. */
    public void send(HttpResponse response) throws IOException {
        checkNotCommitted();
        byte[] body = response.body();
        List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
        if (response.contentType() != null) {
            headers.add(Map.entry("Content-Type", response.contentType()));
        }
        headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
        headers.add(Map.entry("Date", httpDate()));
        if (keepAlive) {
            headers.add(Map.entry("Connection", "keep-alive"));
            headers.add(Map.entry("Keep-Alive", "timeout=" + keepAliveSeconds));
        } else {
            headers.add(Map.entry("Connection", "close"));
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length + 512);
        buffer.write(head(response.status(), headers));
        buffer.write(body);
        commit(response.status());
        out.write(buffer.toByteArray());
        out.flush();
    }

    /**
     * Writes the head of a chunked response and returns its body. The exchange leaves the
     * connection reusable only if the body is ended before the handler returns.
     */
    public ChunkedBody startChunked(int statusCode, List<Map.Entry<String, String>> responseHeaders)
            throws IOException {
        checkNotCommitted();
        List<Map.Entry<String, String>> headers = new ArrayList<>(responseHeaders);
        headers.add(Map.entry("Date", httpDate()));
        headers.add(Map.entry("Transfer-Encoding", "chunked"));
        commit(statusCode);
        out.write(head(statusCode, headers));
        out.flush();
        chunkedBody = new ChunkedBody(out);
        return chunkedBody;
    }

    /** Returns whether the connection may carry another request after this exchange. */
    boolean reusable() {
        return keepAlive && isCommitted() && (chunkedBody == null || chunkedBody.isEnded())
                && !connection.isClosed();
    }

    private void commit(int statusCode) {
        status = statusCode;
        commitListener.accept(statusCode);
    }

    private void checkNotCommitted() {
        if (isCommitted()) {
            throw new IllegalStateException("Response already started with status " + status);
        }
    }

    private byte[] head(int statusCode, List<Map.Entry<String, String>> headers) {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(statusCode).append(' ')
                .append(HttpResponse.reasonPhrase(statusCode)).append("\r\n");
        // Express sends this header; keeping it makes the head match recorded real responses.
        appendHeader(head, "X-Powered-By", "Express");
        leadingHeaders.forEach(header -> appendHeader(head, header.getKey(), header.getValue()));
        headers.forEach(header -> appendHeader(head, header.getKey(), header.getValue()));
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void appendHeader(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static String httpDate() {
        return HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
