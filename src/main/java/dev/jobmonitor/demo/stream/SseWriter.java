package dev.jobmonitor.demo.stream;

import dev.jobmonitor.demo.http.ChunkedBody;
import dev.jobmonitor.demo.http.ConnectionControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes SSE frames (LF line endings, one {@code data:} line, no {@code id:} or {@code retry:})
 * to a chunked body, one chunk per frame unless the {@link StreamFaults} policy decides otherwise.
 * Used by one thread at a time.
 */
public final class SseWriter {
    private final ChunkedBody body;
    private final ConnectionControl connection;
    private final StreamFaults faults;
    private int eventsWritten;
    private boolean stalled;
    private boolean open = true;

    public SseWriter(ChunkedBody body, ConnectionControl connection, StreamFaults faults) {
        this.body = body;
        this.connection = connection;
        this.faults = faults;
    }

    /** Writes a comment frame such as {@code : keepalive}. */
    public void comment(String text) throws IOException {
        deliver(new SseFrame(eventsWritten, null, utf8(": " + text + "\n\n")));
    }

    /** Writes a named event whose data is one line of JSON. */
    public void event(String name, String json) throws IOException {
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Event data must be a single line");
        }
        deliver(new SseFrame(eventsWritten, name, utf8("event: " + name + "\ndata: " + json + "\n\n")));
        eventsWritten++;
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

    private void deliver(SseFrame frame) throws IOException {
        if (!open || stalled) {
            return;
        }
        FrameAction action = faults.onFrame(frame);
        byte[] bytes = frame.bytes();
        switch (action.kind()) {
            case WRITE -> body.write(bytes, 0, bytes.length);
            case SPLIT -> writeSplit(bytes, action.splitOffsets());
            case STALL -> stalled = true;
            case RESET -> {
                body.write(bytes, 0, Math.min(bytes.length, action.bytesBeforeReset()));
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

    private void writeSplit(byte[] bytes, int[] offsets) throws IOException {
        int start = 0;
        for (int offset : offsets) {
            if (offset > start && offset < bytes.length) {
                body.write(bytes, start, offset - start);
                start = offset;
            }
        }
        body.write(bytes, start, bytes.length - start);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
