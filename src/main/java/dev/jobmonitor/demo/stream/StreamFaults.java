package dev.jobmonitor.demo.stream;

/**
 * A policy that decides how each frame of one SSE stream reaches the wire. It is the seam for
 * fault scenarios: splitting writes, stalling, resetting mid-event, closing early.
 *
 * <p>Called on the thread that writes the stream, once per frame and in frame order, so an
 * implementation may keep per-stream state without locking.
 */
@FunctionalInterface
public interface StreamFaults {

    /** Writes every frame unchanged. */
    StreamFaults NONE = frame -> FrameAction.write();

    FrameAction onFrame(SseFrame frame);
}
