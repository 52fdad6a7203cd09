package dev.jobmonitor.demo.stream;

/**
 * Decides where chunk boundaries fall inside each frame of one stream. Called once per frame in
 * write order on the stream's writing thread, so an implementation may keep state.
 */
@FunctionalInterface
public interface Chunker {

    /** Writes every frame as one chunk. */
    Chunker PER_FRAME = (streamOffset, frameLength) -> new int[0];

    /**
     * Returns split offsets inside the frame in ascending order, each between 1 and
     * {@code frameLength - 1}. Other values are ignored.
     *
     * @param streamOffset how many body bytes the stream wrote before this frame
     */
    int[] splitOffsets(long streamOffset, int frameLength);
}
