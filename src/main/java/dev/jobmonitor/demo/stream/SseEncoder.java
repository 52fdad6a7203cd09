package dev.jobmonitor.demo.stream;

import java.nio.charset.StandardCharsets;

/**
 * Turns messages into the bytes of SSE frames. The line terminator of each line comes from a
 * {@link LineBreaks} source, so one stream can use LF, CRLF, lone CR or a mix. An optional
 * comment line goes between the {@code event:} line and the first {@code data:} line. Used by
 * one stream's writing thread only.
 */
public final class SseEncoder {
    private final LineBreaks lineBreaks;
    private final String commentBetweenLines;

    /**
     * Supplies the terminator of each line in write order: {@code "\n"}, {@code "\r\n"} or
     * {@code "\r"}.
     */
    @FunctionalInterface
    public interface LineBreaks {
        String next();
    }

    /**
     * @param commentBetweenLines the text of a comment line written inside every named event,
     *     or null for none
     */
    public SseEncoder(LineBreaks lineBreaks, String commentBetweenLines) {
        this.lineBreaks = lineBreaks;
        this.commentBetweenLines = commentBetweenLines;
    }

    /** Returns an encoder with LF endings and no extra lines, as the real backend writes. */
    public static SseEncoder standard() {
        return new SseEncoder(() -> "\n", null);
    }

    /** Encodes one message as a frame that ends with its blank line. */
    public byte[] encode(SseMessage message) {
        StringBuilder frame = new StringBuilder();
        if (message.isComment()) {
            line(frame, ": " + message.comment());
        } else {
            if (message.event() != null) {
                line(frame, "event: " + message.event());
                if (commentBetweenLines != null) {
                    line(frame, ": " + commentBetweenLines);
                }
            }
            for (String data : message.data().split("\n", -1)) {
                line(frame, "data: " + data);
            }
        }
        frame.append(lineBreaks.next());
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void line(StringBuilder frame, String text) {
        frame.append(text).append(lineBreaks.next());
    }
}
