package dev.jobmonitor.demo;

import dev.jobmonitor.demo.stream.SseEncoder;

/** The line terminator a stream writes; the SSE format allows all three. */
public enum LineEnding {
    /** {@code \n}, what the real backend writes. */
    LF,
    /** {@code \r\n}. */
    CRLF,
    /** A lone {@code \r}, which a parser must not hold back waiting for an {@code \n}. */
    CR,
    /**
     * LF, CRLF, CR and CRLF again, in turn line by line. The order never puts an LF right after
     * a lone CR, where it would merge into one CRLF terminator.
     */
    MIXED;

    private static final String[] MIXED_CYCLE = {"\n", "\r\n", "\r", "\r\n"};

    /** Returns a fresh source of terminators for one stream. */
    SseEncoder.LineBreaks lineBreaks() {
        return switch (this) {
            case LF -> () -> "\n";
            case CRLF -> () -> "\r\n";
            case CR -> () -> "\r";
            case MIXED -> new SseEncoder.LineBreaks() {
                private int next;

                @Override
                public String next() {
                    String terminator = MIXED_CYCLE[next];
                    next = (next + 1) % MIXED_CYCLE.length;
                    return terminator;
                }
            };
        };
    }
}
