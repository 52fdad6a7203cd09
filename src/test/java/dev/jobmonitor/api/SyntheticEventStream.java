package dev.jobmonitor.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A job stream written to use the parts of the event-stream format that the real backend does not.
 * It has a BOM, CRLF and lone CR line endings mixed within events, data split over lines, fields
 * without a space after the colon, id and retry fields, and non-ASCII text. It ends with an
 * unfinished event whose last line ends in a lone CR.
 */
final class SyntheticEventStream {
    static final byte[] BODY = ("\uFEFF: ok\r\n"
            + "\r\n"
            + "event: connected\r"
            + "data: {\"connectionId\":\"c-1\",\"jobId\":\"job-1\",\"maxAgeSeconds\":250}\r"
            + "\r"
            + ": keepalive\n"
            + "\n"
            + "event: progress-update\r\n"
            + "data: {\"progress\":5,\r"
            + "data: \"currentStep\":\"Fetching trending topics…\",\"estimatedTimeRemaining\":55}\n"
            + "\r"
            + "event:step-change\n"
            + "id: 3\r"
            + "retry: 1000\r\n"
            + "data:{\"progress\":8,\"currentStep\":\"Schritt über 漢字 😀\"}\r\n"
            + "\r\n"
            + "event: failed\r"
            + ": the event goes on after this comment\r\n"
            + "data: {\"error\":\"Cancelled\",\"errorCode\":null}\r"
            + "\r"
            + "event: progress-update\n"
            + "data: {\"progress\":99}\r").getBytes(StandardCharsets.UTF_8);

    /** The events okhttp-sse reports, in the form {@link EventStreamNormalizerTest} records. */
    static final List<String> RAW_EVENTS = List.of(
            EventStreamNormalizerTest.event("connected",
                    "{\"connectionId\":\"c-1\",\"jobId\":\"job-1\",\"maxAgeSeconds\":250}"),
            EventStreamNormalizerTest.event("progress-update", "{\"progress\":5,\n"
                    + "\"currentStep\":\"Fetching trending topics…\",\"estimatedTimeRemaining\":55}"),
            EventStreamNormalizerTest.event("step-change",
                    "{\"progress\":8,\"currentStep\":\"Schritt über 漢字 😀\"}"),
            EventStreamNormalizerTest.event("failed",
                    "{\"error\":\"Cancelled\",\"errorCode\":null}"),
            EventStreamNormalizerTest.CLOSED);

    /** The callbacks a {@link JobStreamListener} gets, as {@link JobStreamReplayTest} words them. */
    static final List<String> JOB_EVENTS = List.of(
            "connected job-1 maxAge=250",
            "progress-update 5 Fetching trending topics… eta=55",
            "step-change 8 Schritt über 漢字 😀 eta=null",
            "failed Cancelled code=null",
            "closed");

    private SyntheticEventStream() {
    }
}
