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
    // Markers compared by identity, so no piece of bytes can be mistaken for one.
    private static final byte[] END = new byte[0];
    private static final byte[] CUT = new byte[0];

    private final BlockingQueue<byte[]> pieces = new LinkedBlockingQueue<>();

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
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes, for pieces that end inside a UTF-8 character. Empty pieces are skipped. */
    void send(byte[] bytes) {
        if (bytes.length > 0) {
            pieces.add(bytes.clone());
        }
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
            byte[] piece = nextPiece();
            if (piece == null || piece == END) {
                // MockWebServer 5.5.1 writes the trailer section and its blank line after the body.
                sink.writeUtf8("0\r\n").flush();
                return;
            }
            if (piece == CUT) {
                // Promises a 64-byte chunk, sends part of it, then closes the socket's output.
                sink.writeUtf8("40\r\nevent: progress-update\n").flush();
                sink.close();
                return;
            }
            sink.writeUtf8(Integer.toHexString(piece.length)).writeUtf8("\r\n")
                    .write(piece).writeUtf8("\r\n").flush();
        }
    }

    private byte[] nextPiece() throws IOException {
        try {
            return pieces.poll(IDLE_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
