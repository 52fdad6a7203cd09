package dev.jobmonitor.demo;

import dev.jobmonitor.demo.stream.FrameAction;
import dev.jobmonitor.demo.stream.SseFrame;

/**
 * A scripted failure of job streams, set with {@link JobFaults#streamFault} or
 * {@link DemoBackend#injectFault}. Each fault applies
 * to the next {@link #streams()} streams opened (default 1), then is used up, so a client that
 * reconnects gets a healthy stream. Immutable.
 */
public final class StreamFault {

    /** The kinds of stream failure. */
    public enum Kind {
        /** Writes half of one event, then aborts the connection with a TCP RST. */
        RESET_MID_EVENT,
        /** Ends the response and closes the connection instead of sending complete or failed. */
        CLOSE_BEFORE_TERMINAL,
        /** Ends the response and closes the connection once a set number of events went out. */
        CLOSE_AFTER_EVENTS,
        /** Stops writing, keepalives included, and leaves the socket open. */
        STALL,
        /** Splits every frame into chunks of a few bytes, each flushed on its own. */
        SPLIT_WRITES
    }

    private final Kind kind;
    private final int afterEvents;
    private final int chunkBytes;
    private final int streams;

    private StreamFault(Kind kind, int afterEvents, int chunkBytes, int streams) {
        if (afterEvents < 0 || chunkBytes < 0 || streams < 1) {
            throw new IllegalArgumentException("Invalid stream fault: afterEvents " + afterEvents
                    + ", chunkBytes " + chunkBytes + ", streams " + streams);
        }
        this.kind = kind;
        this.afterEvents = afterEvents;
        this.chunkBytes = chunkBytes;
        this.streams = streams;
    }

    /**
     * Cuts the stream inside the event that follows {@code afterEvents} named events; 2 lets
     * {@code connected} and the snapshot through and cuts the first live event.
     */
    public static StreamFault resetMidEvent(int afterEvents) {
        return new StreamFault(Kind.RESET_MID_EVENT, afterEvents, 0, 1);
    }

    /** Closes the stream cleanly where the live {@code complete} or {@code failed} would go. */
    public static StreamFault closeBeforeTerminal() {
        return new StreamFault(Kind.CLOSE_BEFORE_TERMINAL, 0, 0, 1);
    }

    /**
     * Ends the response cleanly and closes the connection at the first frame, keepalives
     * included, after {@code afterEvents} events went out; 2 lets {@code connected} and the
     * snapshot through.
     */
    public static StreamFault closeAfter(int afterEvents) {
        return new StreamFault(Kind.CLOSE_AFTER_EVENTS, afterEvents, 0, 1);
    }

    /**
     * Stops all writing once {@code afterEvents} named events went out; 0 stalls before
     * {@code : ok}.
     */
    public static StreamFault stall(int afterEvents) {
        return new StreamFault(Kind.STALL, afterEvents, 0, 1);
    }

    /** Writes every frame in chunks of at most {@code chunkBytes} bytes. */
    public static StreamFault splitWrites(int chunkBytes) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be at least 1, was " + chunkBytes);
        }
        return new StreamFault(Kind.SPLIT_WRITES, 0, chunkBytes, 1);
    }

    /** Returns a copy that applies to the next {@code count} streams. */
    public StreamFault forStreams(int count) {
        return new StreamFault(kind, afterEvents, chunkBytes, count);
    }

    public Kind kind() {
        return kind;
    }

    public int afterEvents() {
        return afterEvents;
    }

    public int chunkBytes() {
        return chunkBytes;
    }

    public int streams() {
        return streams;
    }

    /** Decides what happens to one frame of a stream this fault applies to. */
    FrameAction onFrame(SseFrame frame) {
        return switch (kind) {
            case RESET_MID_EVENT -> !frame.isComment() && frame.eventsBefore() == afterEvents
                    ? FrameAction.resetAfter(frame.bytes().length / 2)
                    : FrameAction.write();
            case CLOSE_BEFORE_TERMINAL -> frame.isTerminal()
                    ? FrameAction.close()
                    : FrameAction.write();
            case CLOSE_AFTER_EVENTS -> frame.eventsBefore() >= afterEvents
                    ? FrameAction.close()
                    : FrameAction.write();
            case STALL -> frame.eventsBefore() >= afterEvents
                    ? FrameAction.stall()
                    : FrameAction.write();
            case SPLIT_WRITES -> FrameAction.split(
                    Chunking.fixedSizeOffsets(chunkBytes, frame.bytes().length));
        };
    }

    @Override
    public String toString() {
        return kind + "(afterEvents=" + afterEvents + ", chunkBytes=" + chunkBytes
                + ", streams=" + streams + ")";
    }
}
