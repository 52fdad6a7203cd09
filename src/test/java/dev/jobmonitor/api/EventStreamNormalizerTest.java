package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs okhttp-sse's parser over bodies rewritten by {@link EventStreamNormalizer}, the stack below
 * the network: {@link EventSources#processResponse} reads a body as it does for a live call. The
 * body comes in chunks, one per read, so that a test can put a read boundary at every byte offset
 * in milliseconds. Data is compared as the exact string okhttp-sse reports, which the tests through
 * {@link BackendClient} cannot do, because there the data becomes a {@link JobEvent}.
 */
class EventStreamNormalizerTest {
    static final String CLOSED = "closed";
    private static final MediaType EVENT_STREAM = MediaType.get("text/event-stream");

    /** Formats one okhttp-sse event. A missing type becomes the default type, "message". */
    static String event(String type, String data) {
        String name = type == null || type.isEmpty() ? "message" : type;
        return name + " data=" + data.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Cases of the WHATWG parsing rules: a rule, a body, and the callbacks it must give. */
    static Stream<Arguments> rules() {
        return Stream.of(
                rule("LF line endings", "data: a\n\n", event(null, "a")),
                rule("CRLF line endings", "data: a\r\n\r\n", event(null, "a")),
                rule("lone CR line endings", "data: a\r\r", event(null, "a")),
                rule("CR then LF then LF is two line endings",
                        "data: a\r\n\ndata: b\n\n", event(null, "a"), event(null, "b")),
                rule("LF then CR is two line endings",
                        "data: a\n\rdata: b\r\r", event(null, "a"), event(null, "b")),
                rule("CR then CRLF is two line endings",
                        "data: a\r\r\ndata: b\r\n\r\n", event(null, "a"), event(null, "b")),
                rule("line endings mixed in one event",
                        "event: x\rid: 1\r\nretry: 5\rdata: a\ndata: b\r\n\r", event("x", "a\nb")),
                rule("BOM at the start is skipped", "\uFEFFdata: a\n\n", event(null, "a")),
                rule("BOM before a comment is skipped", "\uFEFF: c\r\rdata: a\r\r",
                        event(null, "a")),
                rule("second BOM is part of the field name", "\uFEFF\uFEFFdata: a\n\n"),
                rule("BOM after the first line is part of the field name",
                        ": ok\n\n\uFEFFdata: a\n\ndata: b\n\n", event(null, "b")),
                rule("BOM in a value is kept", "data: \uFEFFa\n\n", event(null, "\uFEFFa")),
                rule("data without a space", "data:a\n\n", event(null, "a")),
                rule("only one space is stripped", "data:  a\n\n", event(null, " a")),
                rule("a tab is not stripped", "data:\ta\n\n", event(null, "\ta")),
                rule("data lines join with LF", "data: a\ndata:b\ndata: c\n\n",
                        event(null, "a\nb\nc")),
                rule("only the last LF is removed", "data: a\ndata:\n\n", event(null, "a\n")),
                rule("empty data after a colon", "data:\n\n", event(null, "")),
                rule("data without a colon is an empty line", "data\n\n", event(null, "")),
                rule("two empty data lines give one LF", "data\ndata\n\n", event(null, "\n")),
                rule("event without data is not dispatched", "event: x\n\ndata: a\n\n",
                        event(null, "a")),
                rule("event field sets the type", "event: x\ndata: a\n\n", event("x", "a")),
                rule("type resets after each event", "event: x\ndata: a\n\ndata: b\n\n",
                        event("x", "a"), event(null, "b")),
                rule("event without a colon clears the type", "event: x\nevent\ndata: a\n\n",
                        event(null, "a")),
                rule("event field ended by lone CR", "event: x\rdata: a\r\rdata: b\r\r",
                        event("x", "a"), event(null, "b")),
                rule("last event field wins", "event: x\revent:y\rdata: a\r\r", event("y", "a")),
                rule("comments are ignored", ": c\ndata: a\n:\n: d\r\n\n", event(null, "a")),
                rule("comment-only block dispatches nothing", ":\n\n: keepalive\r\r"),
                rule("unknown fields are ignored",
                        "foo: b\nData: c\ndata : d\ndatas: e\n\uFEFFdata: f\ndata: a\n\n",
                        event(null, "a")),
                rule("id fields do not change events",
                        "id: 1\rid\rid: 2\u00003\rid:\rdata: a\r\rid: 4\r\r", event(null, "a")),
                rule("retry fields do not change events",
                        "retry: 10\rretry: -5\rretry: x\rretry\rdata: a\r\r", event(null, "a")),
                rule("unfinished data line at the end is discarded", "data: a\n\ndata: b",
                        event(null, "a")),
                rule("unfinished event line at the end is discarded", "data: a\n\nevent: b",
                        event(null, "a")),
                rule("unfinished id line at the end is discarded", "data: a\n\nid: 5",
                        event(null, "a")),
                rule("unfinished retry line at the end is discarded", "data: a\n\nretry: 5",
                        event(null, "a")),
                rule("event without its blank line at the end is discarded",
                        "data: a\n\ndata: b\n", event(null, "a")),
                rule("event without its blank line before a final CR is discarded",
                        "data: a\r\rdata: b\r", event(null, "a")),
                rule("body ending in a blank CR line closes", "data: a\r\r", event(null, "a")),
                rule("multi-byte UTF-8 characters", "data: é ß 漢字 😀\n\n",
                        event(null, "é ß 漢字 😀")),
                rule("empty body", ""));
    }

    private static Arguments rule(String name, String body, String... events) {
        List<String> expected = new ArrayList<>(List.of(events));
        expected.add(CLOSED);
        return Arguments.of(name, body, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleHoldsAtEverySplit(String rule, String body, List<String> expected) {
        assertSameAtEverySplit(body.getBytes(StandardCharsets.UTF_8), expected);
    }

    @Test
    void syntheticStreamGivesSameEventsAtEverySplit() {
        assertSameAtEverySplit(SyntheticEventStream.BODY, SyntheticEventStream.RAW_EVENTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-bundle-full", "stream-success-full", "stream-success",
            "stream-after-complete", "stream-failed", "stream-ai-error"})
    void captureGivesSameEventsAtEverySplit(String name) {
        byte[] body = Captures.bytes(name + ".sse");
        List<String> whole = parse(List.of(body));

        assertTrue(whole.size() >= 3, "too few events in " + name + ": " + whole);
        assertEquals(CLOSED, whole.get(whole.size() - 1));
        assertSameAtEverySplit(body, whole);
    }

    @Test
    void bundleCaptureGivesEveryEvent() {
        List<String> types = new ArrayList<>();
        for (String callback : parse(List.of(Captures.bytes("stream-bundle-full.sse")))) {
            types.add(callback.split(" ", 2)[0]);
        }

        assertEquals(List.of("connected", "progress-update", "step-change", "progress-update",
                "progress-update", "progress-update", "complete", CLOSED), types);
    }

    @Test
    void loneCrDispatchesBeforeNextRead() {
        List<String> callbacks = new ArrayList<>();
        ChunkSource source = new ChunkSource(
                chunks("data: a\r\r", "data: b\r\r"), callbacks::size);

        parse(source, callbacks);

        assertEquals(List.of(event(null, "a"), event(null, "b"), CLOSED), callbacks);
        assertEquals(List.of(0, 1, 2), source.callbacksBeforeEachRead.subList(0, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFEFFa\r\nb\rc\n\rd", "a\r", "\r\r\n\n", "\uFEFF", "\uFEFF\uFEFF\r"})
    void normalizedBodyHasOnlyLfLineEndings(String raw) throws IOException {
        String expected = raw.replaceFirst("^\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        if (!expected.isEmpty() && !expected.endsWith("\n")) {
            expected += "\n";
        }

        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        for (List<byte[]> chunks : everySplit(body)) {
            Response normalized = EventStreamNormalizer.normalize(response(new ChunkSource(chunks)));
            // Not body().string(), which would drop a BOM of its own accord.
            String text = new String(normalized.body().bytes(), StandardCharsets.UTF_8);
            assertEquals(expected, text, describe(chunks));
        }
    }

    @Test
    void otherResponsesPassThrough() {
        Response json = response(new ChunkSource(chunks("{}\r")))
                .newBuilder()
                .body(ResponseBody.create("{}\r", MediaType.get("application/json")))
                .build();
        Response notFound = response(new ChunkSource(chunks("\uFEFFx\r"))).newBuilder()
                .code(404)
                .build();

        assertSame(json, EventStreamNormalizer.normalize(json));
        assertSame(notFound, EventStreamNormalizer.normalize(notFound));
    }

    /** Checks the callbacks for the body in one read, split in two, and one byte per read. */
    private static void assertSameAtEverySplit(byte[] body, List<String> expected) {
        for (List<byte[]> chunks : everySplit(body)) {
            assertEquals(expected, parse(chunks), describe(chunks));
        }
    }

    /**
     * Returns {@code body} as one read, then split in two at every byte offset, then as one read
     * per byte.
     */
    private static List<List<byte[]>> everySplit(byte[] body) {
        List<List<byte[]>> splits = new ArrayList<>();
        splits.add(List.of(body));
        for (int offset = 1; offset < body.length; offset++) {
            byte[] head = new byte[offset];
            byte[] tail = new byte[body.length - offset];
            System.arraycopy(body, 0, head, 0, offset);
            System.arraycopy(body, offset, tail, 0, tail.length);
            splits.add(List.of(head, tail));
        }

        List<byte[]> bytes = new ArrayList<>();
        for (byte b : body) {
            bytes.add(new byte[] {b});
        }
        splits.add(bytes);
        return splits;
    }

    private static String describe(List<byte[]> chunks) {
        if (chunks.size() == 1) {
            return "in one read";
        }
        return chunks.size() == 2 ? "split after byte " + chunks.get(0).length : "byte by byte";
    }

    private static List<byte[]> chunks(String... texts) {
        List<byte[]> chunks = new ArrayList<>();
        for (String text : texts) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return chunks;
    }

    static List<String> parse(List<byte[]> chunks) {
        List<String> callbacks = new ArrayList<>();
        parse(new ChunkSource(chunks, callbacks::size), callbacks);
        return callbacks;
    }

    /** Parses on this thread, the way okhttp-sse parses a live body, and records each callback. */
    private static void parse(ChunkSource source, List<String> callbacks) {
        EventSources.processResponse(EventStreamNormalizer.normalize(response(source)),
                new EventSourceListener() {
                    @Override
                    public void onEvent(EventSource eventSource, String id, String type,
                                        String data) {
                        callbacks.add(event(type, data));
                    }

                    @Override
                    public void onClosed(EventSource eventSource) {
                        callbacks.add(CLOSED);
                    }

                    @Override
                    public void onFailure(EventSource eventSource, Throwable t, Response response) {
                        callbacks.add("failure " + t);
                    }
                });
    }

    private static Response response(ChunkSource source) {
        Request request = new Request.Builder().url("http://127.0.0.1/stream").build();
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create(Okio.buffer(source), EVENT_STREAM, -1))
                .build();
    }

    /**
     * A body that returns one chunk per read, as OkHttp's chunked body does for each HTTP chunk.
     * Reads after the end are counted, so that a parser looping at the end fails the test.
     */
    private static final class ChunkSource implements Source {
        private static final int MAX_READS_AFTER_END = 10;

        final List<Integer> callbacksBeforeEachRead = new ArrayList<>();
        private final List<byte[]> chunks;
        private final IntSupplier callbackCount;
        private int next;
        private final Buffer current = new Buffer();
        private int readsAfterEnd;

        ChunkSource(List<byte[]> chunks) {
            this(chunks, () -> 0);
        }

        ChunkSource(List<byte[]> chunks, IntSupplier callbackCount) {
            this.chunks = chunks;
            this.callbackCount = callbackCount;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            callbacksBeforeEachRead.add(callbackCount.getAsInt());
            if (current.size() == 0 && next < chunks.size()) {
                current.write(chunks.get(next++));
            }
            if (current.size() == 0) {
                if (++readsAfterEnd > MAX_READS_AFTER_END) {
                    throw new IOException("body read " + readsAfterEnd + " times after its end");
                }
                return -1;
            }
            long count = Math.min(byteCount, current.size());
            sink.write(current, count);
            return count;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
        }
    }
}
