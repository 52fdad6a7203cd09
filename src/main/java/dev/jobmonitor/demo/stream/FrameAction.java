package dev.jobmonitor.demo.stream;

import java.util.Arrays;

/** What a {@link StreamFaults} policy decides for one frame. */
public final class FrameAction {

    /** The kinds of action, from harmless to fatal for the stream. */
    public enum Kind {
        /** Write the frame as one chunk. */
        WRITE,
        /** Write the frame as several chunks, split at the given byte offsets. */
        SPLIT,
        /** Write nothing now or later, keepalives included, and keep the socket open. */
        STALL,
        /** Write the first bytes of the frame, then abort the connection with a TCP RST. */
        RESET,
        /** End the response and close the connection instead of writing the frame. */
        CLOSE
    }

    private static final FrameAction WRITE = new FrameAction(Kind.WRITE, new int[0], 0);
    private static final FrameAction STALL = new FrameAction(Kind.STALL, new int[0], 0);
    private static final FrameAction CLOSE = new FrameAction(Kind.CLOSE, new int[0], 0);

    private final Kind kind;
    private final int[] splitOffsets;
    private final int bytesBeforeReset;

    private FrameAction(Kind kind, int[] splitOffsets, int bytesBeforeReset) {
        this.kind = kind;
        this.splitOffsets = splitOffsets;
        this.bytesBeforeReset = bytesBeforeReset;
    }

    public static FrameAction write() {
        return WRITE;
    }

    /** Splits the frame at the given offsets; offsets outside the frame are ignored. */
    public static FrameAction split(int... offsets) {
        int[] sorted = offsets.clone();
        Arrays.sort(sorted);
        return new FrameAction(Kind.SPLIT, sorted, 0);
    }

    public static FrameAction stall() {
        return STALL;
    }

    /** Writes {@code bytesBeforeReset} bytes of the frame, then resets the connection. */
    public static FrameAction resetAfter(int bytesBeforeReset) {
        return new FrameAction(Kind.RESET, new int[0], Math.max(0, bytesBeforeReset));
    }

    public static FrameAction close() {
        return CLOSE;
    }

    public Kind kind() {
        return kind;
    }

    int[] splitOffsets() {
        return splitOffsets.clone();
    }

    int bytesBeforeReset() {
        return bytesBeforeReset;
    }
}
