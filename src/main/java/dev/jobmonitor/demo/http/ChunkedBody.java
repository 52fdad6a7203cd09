package dev.jobmonitor.demo.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body in chunked transfer encoding. Each {@link #write} is one chunk and is flushed
 * at once, so the caller decides where chunk boundaries fall. Writes are serialised.
 */
public final class ChunkedBody {
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private boolean ended;

    ChunkedBody(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code length} bytes from {@code offset} as one chunk and flushes it. */
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        if (ended) {
            throw new IOException("Chunked body already ended");
        }
        if (length == 0) {
            return;
        }
        out.write(Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(data, offset, length);
        out.write(CRLF);
        out.flush();
    }

    /** Writes the terminating zero-length chunk, which ends the response. */
    public synchronized void end() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    public synchronized boolean isEnded() {
        return ended;
    }
}
