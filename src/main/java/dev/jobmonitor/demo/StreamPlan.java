package dev.jobmonitor.demo;

import dev.jobmonitor.demo.stream.Chunker;
import dev.jobmonitor.demo.stream.FrameAction;
import dev.jobmonitor.demo.stream.SseEncoder;
import dev.jobmonitor.demo.stream.SseFrame;
import dev.jobmonitor.demo.stream.SseMessage;
import dev.jobmonitor.demo.stream.StreamFaults;
import java.util.List;

/**
 * The faults of one stream: an optional one-shot {@link StreamFault}, the job's content faults,
 * its line ending and its chunking. Used by the stream's writing thread only.
 */
final class StreamPlan implements StreamFaults {
    private static final String COMMENT_BETWEEN_LINES = "demo comment between lines";

    private final StreamFault streamFault;
    private final ContentRewriter rewriter;
    private final LineEnding lineEnding;
    private final Chunking chunking;
    private final boolean commentsBetweenLines;
    private final boolean writesAfterClientClose;

    /** @param streamFault the one-shot fault of this stream, or null */
    StreamPlan(StreamFault streamFault, ContentRewriter rewriter, LineEnding lineEnding,
            Chunking chunking, boolean commentsBetweenLines, boolean writesAfterClientClose) {
        this.streamFault = streamFault;
        this.rewriter = rewriter;
        this.lineEnding = lineEnding;
        this.chunking = chunking;
        this.commentsBetweenLines = commentsBetweenLines;
        this.writesAfterClientClose = writesAfterClientClose;
    }

    @Override
    public FrameAction onFrame(SseFrame frame) {
        return streamFault == null ? FrameAction.write() : streamFault.onFrame(frame);
    }

    @Override
    public List<SseMessage> rewrite(SseMessage message) {
        return rewriter.rewrite(message);
    }

    @Override
    public SseEncoder encoder() {
        return new SseEncoder(lineEnding.lineBreaks(),
                commentsBetweenLines ? COMMENT_BETWEEN_LINES : null);
    }

    @Override
    public Chunker chunker() {
        return chunking.newChunker();
    }

    @Override
    public boolean writesAfterClientClose() {
        return writesAfterClientClose;
    }
}
