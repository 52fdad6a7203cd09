package dev.jobmonitor.demo.stream;

import java.util.List;

/**
 * A policy that decides how the messages of one SSE stream reach the wire. It is the seam for
 * fault scenarios: rewriting, duplicating or inserting messages, choosing line endings and chunk
 * boundaries, stalling, resetting mid-event, closing early.
 *
 * <p>Called on the thread that writes the stream, in write order, so an implementation may keep
 * per-stream state without locking. {@link #encoder()} and {@link #chunker()} are called once,
 * when the writer is created.
 */
@FunctionalInterface
public interface StreamFaults {

    /** Writes every message unchanged, as the real backend does. */
    StreamFaults NONE = frame -> FrameAction.write();

    /** Decides what happens to one encoded frame. */
    FrameAction onFrame(SseFrame frame);

    /** Returns the messages to write in place of {@code message}, by default the message itself. */
    default List<SseMessage> rewrite(SseMessage message) {
        return List.of(message);
    }

    default SseEncoder encoder() {
        return SseEncoder.standard();
    }

    default Chunker chunker() {
        return Chunker.PER_FRAME;
    }

    /**
     * Returns whether the stream keeps writing after the client closed its side, as a server
     * that misses the close does. By default the stream ends when the client leaves.
     */
    default boolean writesAfterClientClose() {
        return false;
    }
}
