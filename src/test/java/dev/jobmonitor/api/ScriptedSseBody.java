package dev.jobmonitor.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A chunked event-stream body that the test writes piece by piece, so a stream stays open until
 * the test ends it, cuts it or stops waiting. Each piece goes out in its own chunk and flush.
 */
final class ScriptedSseBody implements MockResponseBody {
    private static final long IDLE_LIMIT_SECONDS = 20;
    private static final int MAX_PIECES = 10_000;
    private static final String END = "end of body";
    private static final String CUT = "cut the connection";

    private final BlockingQueue<String> pieces = new LinkedBlockingQueue<>();

    /** A 200 event-stream response with this body. */
    MockResponse response() {
        return new MockResponse.Builder()
                .addHeader("Content-Type", "text/event-stream")
                .addHeader("Transfer-Encoding", "chunked")
                .body(this)
                .removeHeader("Content-Length")
                .build();
    }

    void send(String text) {
        pieces.add(text);
    }

    /** Ends the body normally, with the last chunk. */
    void end() {
        pieces.add(END);
    }

    /** Breaks the connection in the middle of a chunk. */
    void cut() {
        pieces.add(CUT);
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        for (int i = 0; i < MAX_PIECES; i++) {
            String piece = nextPiece();
            if (piece == null || piece.equals(END)) {
                // MockWebServer 5.5.1 writes the trailer section and its blank line after the body.
                sink.writeUtf8("0\r\n").flush();
                return;
            }
            if (piece.equals(CUT)) {
                // Promises a 64-byte chunk, sends part of it, then closes the socket's output.
                sink.writeUtf8("40\r\nevent: progress-update\n").flush();
                sink.close();
                return;
            }
            byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
            sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n")
                    .write(bytes).writeUtf8("\r\n").flush();
        }
    }

    private String nextPiece() throws IOException {
        try {
            return pieces.poll(IDLE_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
