package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WHATWG event-stream parsing rules, checked through the whole client: MockWebServer, OkHttp,
 * okhttp-sse, {@link EventStreamNormalizer} and {@link SseJobStream} to the listener. Most events
 * are {@code stream-timeout}, whose JSON {@code message} shows what data arrived. Each piece sent
 * through {@link ScriptedSseBody} is its own HTTP chunk, and OkHttp never reads across a chunk's
 * end, so a piece boundary is a read boundary. {@link EventStreamNormalizerTest} checks the exact
 * data strings, which JSON parsing hides here.
 */
class JobStreamParsingTest extends BackendTestBase {

    @Test
    void mixedLineEndingsGiveSameEvents() {
        serve("event: stream-timeout\ndata: {\"message\":\"lf\"}\n\n"
                + "event: stream-timeout\r\ndata: {\"message\":\"crlf\"}\r\n\r\n"
                + "event: stream-timeout\rdata: {\"message\":\"cr\"}\r\r"
                + "event: stream-timeout\r\ndata: {\"message\":\rdata: \"mixed\"}\n\r\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("lf", takeMessage());
        assertEquals("crlf", takeMessage());
        assertEquals("cr", takeMessage());
        assertEquals("mixed", takeMessage());
        listener.takeClosed();
    }

    @Test
    void crlfSplitAcrossReadsIsOneLineEnding() throws Exception {
        ScriptedSseBody body = enqueueScriptedStream();

        client.openStream("job-1", listener);
        listener.takeOpen();
        body.send("event: stream-timeout\r\ndata: {\"message\":\r");
        listener.awaitActivity(1);
        body.send("\ndata: \"one\"}\r\n\r\n");
        body.end();

        // Counting the CR and the LF as two line endings would end the event after its first line.
        assertEquals("one", takeMessage());
        listener.takeClosed();
    }

    @Test
    void loneCrDispatchesWithoutWaitingForMoreBytes() {
        ScriptedSseBody body = enqueueScriptedStream();

        client.openStream("job-1", listener);
        body.send("event: stream-timeout\r\ndata: {\"message\":\"now\"}\r\r");

        listener.takeOpen();
        assertEquals("now", takeMessage());
        body.send("\nevent: stream-timeout\ndata: {\"message\":\"next\"}\n\n");
        body.end();
        assertEquals("next", takeMessage());
        listener.takeClosed();
    }

    @Test
    void bodyEndingInLoneCrCloses() {
        serve("event: stream-timeout\r\ndata: {\"message\":\"last\"}\r\r");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("last", takeMessage());
        listener.takeClosed();
        awaitStreamsIdle();
    }

    @Test
    void bomAtStartIsSkipped() {
        serve("\uFEFFevent: stream-timeout\ndata: {\"message\":\"bom\"}\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("bom", takeMessage());
        listener.takeClosed();
    }

    @Test
    void bomSplitAcrossReadsIsSkipped() throws Exception {
        ScriptedSseBody body = enqueueScriptedStream();
        byte[] bytes = "\uFEFFevent: stream-timeout\ndata: {\"message\":\"bom\"}\n\n"
                .getBytes(StandardCharsets.UTF_8);

        client.openStream("job-1", listener);
        listener.takeOpen();
        body.send(Arrays.copyOfRange(bytes, 0, 1));
        listener.awaitActivity(1);
        body.send(Arrays.copyOfRange(bytes, 1, 2));
        listener.awaitActivity(1);
        body.send(Arrays.copyOfRange(bytes, 2, bytes.length));
        body.end();

        assertEquals("bom", takeMessage());
        listener.takeClosed();
    }

    @Test
    void bomAfterStartIsPartOfFieldName() {
        serve("\uFEFF\uFEFFevent: stream-timeout\ndata: {\"message\":\"second bom\"}\n\n"
                + ": ok\n\n\uFEFFevent: stream-timeout\ndata: {\"message\":\"later bom\"}\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("message", takeIgnoredName());
        assertEquals("message", takeIgnoredName());
        listener.takeClosed();
    }

    @Test
    void dataWithOrWithoutSpaceAfterColon() {
        serve("event: stream-timeout\ndata:{\"message\":\"tight\"}\n\n"
                + "event: stream-timeout\ndata: {\"message\":\"spaced\"}\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("tight", takeMessage());
        assertEquals("spaced", takeMessage());
        listener.takeClosed();
    }

    @Test
    void onlyOneSpaceAfterColonIsStripped() {
        serve("event:  stream-timeout\ndata: {\"message\":\"x\"}\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals(" stream-timeout", takeIgnoredName());
        listener.takeClosed();
    }

    @Test
    void dataLinesJoinIntoOneEvent() {
        serve("event: stream-timeout\ndata: {\"message\":\ndata:\"joined\"\ndata: }\ndata:\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("joined", takeMessage());
        listener.takeClosed();
    }

    @Test
    void eventWithoutDataIsNotDispatched() {
        serve("event: stream-timeout\n\n"
                + "event: failed\nid: 4\nretry: 100\n\n"
                + "event: failed\ndata: {\"error\":\"Cancelled\"}\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("Cancelled", listener.takeEvent(JobEvent.Failed.class).error());
        listener.takeClosed();
    }

    @Test
    void emptyDataIsDispatched() {
        serve("event: stream-timeout\ndata:\n\nevent: failed\ndata\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("stream-timeout", takeIgnoredName());
        assertEquals("failed", takeIgnoredName());
        listener.takeClosed();
    }

    @Test
    void eventFieldSetsTypeUntilDispatch() {
        serve("event: stream-timeout\ndata: {\"message\":\"typed\"}\n\n"
                + "data: {\"message\":\"untyped\"}\n\n"
                + "event: stream-timeout\n\n"
                + "data: {\"message\":\"after event without data\"}\n\n"
                + "event: stream-timeout\nevent\ndata: {\"message\":\"cleared\"}\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("typed", takeMessage());
        assertEquals("message", takeIgnoredName());
        assertEquals("message", takeIgnoredName());
        assertEquals("message", takeIgnoredName());
        listener.takeClosed();
    }

    @Test
    void commentLinesAreIgnored() {
        serve(": first\nevent: stream-timeout\n:\ndata: {\"message\":\"x\"}\r: last\r\n\n");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("x", takeMessage());
        listener.takeClosed();
    }

    @Test
    void crCommentsKeepReportingActivity() throws Exception {
        ScriptedSseBody body = enqueueScriptedStream();

        client.openStream("job-1", listener);
        body.send(": ok\r\r");
        listener.takeOpen();
        listener.awaitActivity(1);

        for (int i = 0; i < 3; i++) {
            body.send(": keepalive\r\r");
            listener.awaitActivity(1);
        }
        body.end();
        listener.takeClosed();
    }

    @Test
    void unknownIdAndRetryFieldsLeaveEventsAlone() {
        serve("foo: bar\nData: x\nEvent: failed\ndata : x\n"
                + "id: 7\rid: 1\u00002\rid\rretry: 3000\rretry: -1\rretry: soon\rretry\r"
                + "event: stream-timeout\rdata: {\"message\":\"x\"}\r\r"
                + "id: 8\r\r");

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("x", takeMessage());
        listener.takeClosed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"data: {\"message\":\"cut\"}", "event: stream-timeout",
            "event: stream-timeout\ndata: {\"message\":\"cut\"}\n", "id: 9", "retry: 10",
            ": keep", "data", "event: stream-timeout\rdata: {\"message\":\"cut\"}\r"})
    void unfinishedEventAtEndIsDiscarded(String tail) {
        serve("event: stream-timeout\ndata: {\"message\":\"whole\"}\n\n" + tail);

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals("whole", takeMessage());
        listener.takeClosed();
    }

    @Test
    void multiByteCharactersSplitAcrossReads() throws Exception {
        ScriptedSseBody body = enqueueScriptedStream();
        String text = "é 漢 😀";
        byte[] bytes = ("event: stream-timeout\ndata: {\"message\":\"" + text + "\"}\n\n")
                .getBytes(StandardCharsets.UTF_8);
        int start = bytes.length - text.getBytes(StandardCharsets.UTF_8).length - 4;

        client.openStream("job-1", listener);
        listener.takeOpen();
        // Ends pieces one byte into é, one and two bytes into 漢, and one to three bytes into 😀.
        int from = 0;
        for (int end : new int[] {start + 1, start + 4, start + 5, start + 8, start + 9, start + 10}) {
            body.send(Arrays.copyOfRange(bytes, from, end));
            listener.awaitActivity(1);
            from = end;
        }
        body.send(Arrays.copyOfRange(bytes, from, bytes.length));
        body.end();

        assertEquals(text, takeMessage());
        listener.takeClosed();
    }

    @Test
    void megabyteDataLineParses() {
        String text = "x".repeat(1024 * 1024 - 1) + "é";
        Buffer body = new Buffer().writeUtf8("event: stream-timeout\r\ndata: {\"message\":\"")
                .writeUtf8(text)
                .writeUtf8("\"}\r\n\r\n");
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "text/event-stream")
                .chunkedBody(body, 8192)
                .build());

        client.openStream("job-1", listener);

        listener.takeOpen();
        assertEquals(text, takeMessage());
        listener.takeClosed();
    }

    @Test
    void syntheticStreamGivesSameEventsAtEverySplit() {
        assertSameEventsAtEverySplit(SyntheticEventStream.BODY, SyntheticEventStream.JOB_EVENTS);
    }

    @Test
    void bundleCaptureGivesSameEventsAtEverySplit() {
        byte[] bytes = Captures.bytes("stream-bundle-full.sse");
        server.enqueue(chunkedStream(bytes));

        client.openStream("job-1", listener);

        listener.takeOpen();
        List<String> whole = JobStreamReplayTest.describeUntilEnd(listener);
        assertEquals(8, whole.size(), whole.toString());
        assertEquals("closed", whole.get(7));
        assertSameEventsAtEverySplit(bytes, whole);
    }

    /** Serves {@code bytes} once per byte offset, split there into two reads. */
    private void assertSameEventsAtEverySplit(byte[] bytes, List<String> expected) {
        for (int offset = 1; offset < bytes.length; offset++) {
            server.enqueue(chunkedStream(Arrays.copyOfRange(bytes, 0, offset),
                    Arrays.copyOfRange(bytes, offset, bytes.length)));

            client.openStream("job-1", listener);

            listener.takeOpen();
            assertEquals(expected, JobStreamReplayTest.describeUntilEnd(listener),
                    "split after byte " + offset);
        }
    }

    /** Enqueues a complete event-stream response with {@code body}. */
    private void serve(String body) {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "text/event-stream")
                .body(body)
                .build());
    }

    /** Creates an event-stream response whose body is one HTTP chunk per piece. */
    private static MockResponse chunkedStream(byte[]... pieces) {
        Buffer body = new Buffer();
        for (byte[] piece : pieces) {
            body.writeUtf8(Integer.toHexString(piece.length)).writeUtf8("\r\n")
                    .write(piece).writeUtf8("\r\n");
        }
        // MockWebServer 5.5.1 writes the trailer section and its blank line after the body.
        body.writeUtf8("0\r\n");
        return new MockResponse.Builder()
                .addHeader("Content-Type", "text/event-stream")
                .addHeader("Transfer-Encoding", "chunked")
                .body(body)
                .removeHeader("Content-Length")
                .build();
    }

    private String takeMessage() {
        return listener.takeEvent(JobEvent.StreamTimeout.class).message();
    }

    private String takeIgnoredName() {
        return listener.takeEvent(JobEvent.Ignored.class).name();
    }
}
