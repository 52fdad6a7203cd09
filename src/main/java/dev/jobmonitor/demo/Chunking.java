package dev.jobmonitor.demo;

import dev.jobmonitor.demo.stream.Chunker;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A placement of chunk boundaries in a stream's body. Each chunk is flushed on its own, so a
 * client reads the stream in those pieces. Every frame still ends a chunk. Immutable.
 */
public final class Chunking {
    private enum Kind { PER_FRAME, FIXED_SIZE, OFFSETS, RANDOM }

    private static final Chunking PER_FRAME = new Chunking(Kind.PER_FRAME, 0, new long[0], 0);

    private final Kind kind;
    private final int maxBytes;
    private final long[] offsets;
    private final long seed;

    private Chunking(Kind kind, int maxBytes, long[] offsets, long seed) {
        this.kind = kind;
        this.maxBytes = maxBytes;
        this.offsets = offsets;
        this.seed = seed;
    }

    /** Writes each frame as one chunk, as the real backend does. */
    public static Chunking perFrame() {
        return PER_FRAME;
    }

    /** Splits every frame into chunks of at most {@code maxBytes}, counted from the frame start. */
    public static Chunking fixedSize(int maxBytes) {
        return new Chunking(Kind.FIXED_SIZE, atLeastOne(maxBytes), new long[0], 0);
    }

    /** Writes the body one byte per chunk. */
    public static Chunking oneByte() {
        return fixedSize(1);
    }

    /**
     * Puts a chunk boundary at each of the given offsets of the body, counted in bytes from the
     * first byte of {@code : ok}, so a boundary can fall inside a line, a UTF-8 character or a
     * CRLF pair.
     */
    public static Chunking atOffsets(long... offsets) {
        long[] sorted = offsets.clone();
        Arrays.sort(sorted);
        if (sorted.length > 0 && sorted[0] < 1) {
            throw new IllegalArgumentException("Chunk offsets must be at least 1, were "
                    + Arrays.toString(offsets));
        }
        return new Chunking(Kind.OFFSETS, 0, sorted, 0);
    }

    /**
     * Draws chunk sizes from 1 to {@code maxBytes} with a random source seeded by {@code seed},
     * so a run with the same seed splits the body at the same offsets.
     */
    public static Chunking random(long seed, int maxBytes) {
        return new Chunking(Kind.RANDOM, atLeastOne(maxBytes), new long[0], seed);
    }

    /** Returns a chunker with its own state for one stream. */
    Chunker newChunker() {
        return switch (kind) {
            case PER_FRAME -> Chunker.PER_FRAME;
            case FIXED_SIZE -> (streamOffset, length) -> fixedSizeOffsets(maxBytes, length);
            case OFFSETS -> (streamOffset, length) -> Arrays.stream(offsets)
                    .filter(offset -> offset > streamOffset && offset < streamOffset + length)
                    .mapToInt(offset -> (int) (offset - streamOffset))
                    .toArray();
            case RANDOM -> randomChunker();
        };
    }

    /** Returns the offsets that split {@code length} bytes into chunks of {@code maxBytes}. */
    static int[] fixedSizeOffsets(int maxBytes, int length) {
        return IntStream.iterate(maxBytes, offset -> offset < length, offset -> offset + maxBytes)
                .toArray();
    }

    private Chunker randomChunker() {
        Random random = new Random(seed);
        long[] nextBoundary = {1 + random.nextInt(maxBytes)};
        return (streamOffset, length) -> {
            IntStream.Builder splits = IntStream.builder();
            // Boundaries continue across frames; one that falls on a frame end is already there.
            while (nextBoundary[0] < streamOffset + length) {
                if (nextBoundary[0] > streamOffset) {
                    splits.add((int) (nextBoundary[0] - streamOffset));
                }
                nextBoundary[0] += 1 + random.nextInt(maxBytes);
            }
            return splits.build().toArray();
        };
    }

    private static int atLeastOne(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        return maxBytes;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PER_FRAME -> "per frame";
            case FIXED_SIZE -> "chunks of at most " + maxBytes + " bytes";
            case OFFSETS -> "boundaries at offsets " + Arrays.toString(offsets);
            case RANDOM -> "random chunks of 1 to " + maxBytes + " bytes (seed " + seed + ")";
        };
    }
}
