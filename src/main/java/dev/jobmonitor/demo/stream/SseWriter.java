package dev.jobmonitor.demo.stream;

import dev.jobmonitor.demo.http.ChunkedBody;
import dev.jobmonitor.demo.http.ConnectionControl;
import java.io.IOException;

/**
 * Writes SSE messages to a chunked body. Without faults it writes what the real backend does:
 * LF line endings, one {@code data:} line, no {@code id:} or {@code retry:}, one chunk per frame.
 * The {@link StreamFaults} policy may rewrite messages, change the encoding and chunk
 * boundaries, or stall, reset or close the stream. Used by one thread at a time.
 */
public final class SseWriter {
    private final ChunkedBody body;
    private final ConnectionControl connection;
    private final StreamFaults faults;
    private final SseEncoder encoder;
    private final Chunker chunker;
    private int eventsWritten;
    private long bytesWritten;
    private boolean stalled;
    private boolean open = true;

    public SseWriter(ChunkedBody body, ConnectionControl connection, StreamFaults faults) {
        this.body = body;
        this.connection = connection;
        this.faults = faults;
        this.encoder = faults.encoder();
        this.chunker = faults.chunker();
    }

    /** Writes a comment frame such as {@code : keepalive}. */
    public void comment(String text) throws IOException {
        write(SseMessage.comment(text));
    }

    /** Writes a named event whose data is one line of JSON. */
    public void event(String name, String json) throws IOException {
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Event data must be a single line");
        }
        write(SseMessage.event(name, json));
    }

    /** Ends the response with the terminating chunk, unless a fault already ended or stalled it. */
    public void end() throws IOException {
        if (open && !stalled) {
            body.end();
        }
    }

    /** Returns false once a fault reset or closed the connection. */
    public boolean isOpen() {
        return open && !connection.isClosed();
    }

    /** Returns whether a fault stopped all writing while the socket stays open. */
    public boolean isStalled() {
        return stalled;
    }

    /** Returns whether the policy keeps this stream writing after the client closed its side. */
    public boolean writesAfterClientClose() {
        return faults.writesAfterClientClose();
    }

    private void write(SseMessage message) throws IOException {
        for (SseMessage wireMessage : faults.rewrite(message)) {
            deliver(wireMessage);
        }
    }

    private void deliver(SseMessage message) throws IOException {
        if (!open || stalled) {
            return;
        }
        SseFrame frame = new SseFrame(eventsWritten, message.type(), encoder.encode(message));
        if (!message.isComment()) {
            eventsWritten++;
        }
        FrameAction action = faults.onFrame(frame);
        byte[] bytes = frame.bytes();
        switch (action.kind()) {
            case WRITE -> writeSplit(bytes, bytes.length,
                    chunker.splitOffsets(bytesWritten, bytes.length));
            case SPLIT -> writeSplit(bytes, bytes.length, action.splitOffsets());
            case STALL -> stalled = true;
            case RESET -> {
                int length = Math.min(bytes.length, action.bytesBeforeReset());
                writeSplit(bytes, length, chunker.splitOffsets(bytesWritten, length));
                open = false;
                connection.reset();
            }
            case CLOSE -> {
                body.end();
                open = false;
                connection.close();
            }
            default -> throw new IllegalStateException("Unknown frame action " + action.kind());
        }
    }

    /** Writes the first {@code length} bytes as chunks split at the ascending offsets. */
    private void writeSplit(byte[] bytes, int length, int[] offsets) throws IOException {
        int start = 0;
        for (int offset : offsets) {
            if (offset > start && offset < length) {
                body.write(bytes, start, offset - start);
                start = offset;
            }
        }
        body.write(bytes, start, length - start);
        bytesWritten += length;
    }
}
