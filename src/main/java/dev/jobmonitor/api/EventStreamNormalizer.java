package dev.jobmonitor.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Application interceptor that rewrites a successful {@code text/event-stream} body into the part
 * of the event-stream format that okhttp-sse parses as the WHATWG rules require: no byte order
 * mark, only LF line endings, and an LF after the last line. The WHATWG rules treat CRLF, LF and a lone
 * CR as the same line ending, strip one leading BOM, and discard an unfinished event at the end of
 * the stream, so the rewrite changes no event. Other responses pass through untouched.
 *
 * <p>NOTE: okhttp-sse 5.5.1 misreads the bytes this rewrite removes. After a lone CR it waits for
 * the next byte before it dispatches, and it loops without end when the body ends in CR. A value
 * of {@code event:}, {@code id:} or {@code retry:} runs on to the next LF, past lone CRs. A BOM
 * makes it skip the first line. A body that ends inside a {@code data:} or {@code event:} line
 * fails with an exception instead of closing.
 */
final class EventStreamNormalizer implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        return normalize(chain.proceed(chain.request()));
    }

    /** Returns {@code response} with its body rewritten if it is a successful event stream. */
    static Response normalize(Response response) {
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        if (!response.isSuccessful() || !isEventStream(type)) {
            return response;
        }
        BufferedSource normalized = Okio.buffer(new NormalizingSource(body.source()));
        return response.newBuilder().body(ResponseBody.create(normalized, type, -1)).build();
    }

    // The same test as okhttp-sse 5.5.1 makes before it reads a body as an event stream.
    private static boolean isEventStream(MediaType type) {
        return type != null && type.type().equals("text") && type.subtype().equals("event-stream");
    }

    /**
     * Reads a body without its leading UTF-8 BOM and with every CRLF and lone CR turned into LF.
     * A CR becomes LF as soon as it is read, so an event never waits for the byte after it. Each
     * read returns at least one byte unless the body has ended.
     */
    private static final class NormalizingSource extends ForwardingSource {
        private static final ByteString BOM = ByteString.decodeHex("efbbbf");
        private static final byte CR = '\r';
        private static final byte LF = '\n';

        private final BufferedSource upstream;
        private boolean bomChecked;
        // The last byte read was a CR, so an LF that follows belongs to the same line ending.
        private boolean afterCr;
        // The last byte returned was not an LF, so the end of the body must end that line.
        private boolean lineOpen;

        NormalizingSource(BufferedSource upstream) {
            super(upstream);
            this.upstream = upstream;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            if (byteCount == 0) {
                return 0;
            }
            if (!bomChecked) {
                skipBom();
                bomChecked = true;
            }

            if (afterCr && upstream.request(1) && upstream.getBuffer().getByte(0) == LF) {
                upstream.skip(1);
            }
            afterCr = false;
            if (!upstream.request(1)) {
                return endOfBody(sink);
            }
            return copyWithLf(sink, Math.min(byteCount, upstream.getBuffer().size()));
        }

        /** Skips a BOM at the start, and waits for more bytes only while they match one. */
        private void skipBom() throws IOException {
            for (int i = 0; i < BOM.size(); i++) {
                if (!upstream.request(i + 1) || upstream.getBuffer().getByte(i) != BOM.getByte(i)) {
                    return;
                }
            }
            upstream.skip(BOM.size());
        }

        /** Moves {@code byteCount} buffered bytes to {@code sink}, each line ending as one LF. */
        private long copyWithLf(Buffer sink, long byteCount) throws IOException {
            Buffer in = upstream.getBuffer();
            long start = sink.size();
            long remaining = byteCount;
            // Each pass consumes at least one byte, so the loop ends within byteCount passes.
            while (remaining > 0) {
                long cr = in.indexOf(CR, 0, remaining);
                if (cr == -1) {
                    sink.write(in, remaining);
                    break;
                }
                sink.write(in, cr);
                in.skip(1);
                sink.writeByte(LF);
                remaining -= cr + 1;

                if (remaining == 0) {
                    afterCr = true;
                } else if (in.getByte(0) == LF) {
                    in.skip(1);
                    remaining--;
                }
            }
            lineOpen = sink.getByte(sink.size() - 1) != LF;
            return sink.size() - start;
        }

        /** Ends an unterminated last line, so that okhttp-sse closes instead of failing. */
        private long endOfBody(Buffer sink) {
            if (!lineOpen) {
                return -1;
            }
            lineOpen = false;
            sink.writeByte(LF);
            return 1;
        }
    }
}
