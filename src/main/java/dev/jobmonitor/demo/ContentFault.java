package dev.jobmonitor.demo;

import java.util.Objects;

/**
 * A fault in what a job's streams write, as opposed to how the connection behaves. Content
 * faults apply to every stream opened on the job while they are set, and several combine.
 * Immutable; two faults of the same kind are equal.
 */
public final class ContentFault {

    /** The kinds of content fault. */
    public enum Kind {
        /** The first {@code progress-update} of each stream has its data cut in half. */
        MALFORMED_JSON,
        /**
         * An unnamed {@code data:} event follows {@code connected}, and an event named
         * {@code job-heartbeat} goes before every later event.
         */
        UNKNOWN_EVENTS,
        /**
         * Every event after {@code connected} is written twice, as when the snapshot and a live
         * event carry the same change.
         */
        DUPLICATE_EVENTS,
        /**
         * The stream goes on writing after the client closed its side, until the job ends, the
         * stream reaches its maximum age or a write fails.
         */
        WRITE_AFTER_CLIENT_CLOSE,
        /**
         * A new stream writes, after its snapshot, the last {@code progress-update} that an
         * earlier stream on the job wrote, such as one from the attempt before a retry.
         */
        STALE_EVENT_ON_RECONNECT,
        /** Each {@code progress-update} of 10 % or more is followed by one at half its progress. */
        PROGRESS_GOES_DOWN,
        /**
         * Fields go missing or null: {@code connected} has no {@code maxAgeSeconds} or
         * {@code hint}; progress events have no {@code currentStep} or
         * {@code estimatedTimeRemaining}, and every second one has {@code progress:null};
         * {@code complete} has {@code result:null}; {@code failed} has {@code error:null} and no
         * {@code errorCode}.
         */
        NULL_AND_MISSING_FIELDS,
        /** The first {@code progress-update} of each stream has a data line of a set size. */
        LARGE_EVENT,
        /**
         * A comment frame goes before every event, and a comment line between the
         * {@code event:} and {@code data:} lines of every named event.
         */
        COMMENTS
    }

    /** The data size of {@link #largeEvent()}: 256 KiB. */
    public static final int DEFAULT_LARGE_EVENT_BYTES = 256 * 1024;

    private final Kind kind;
    private final int dataBytes;

    private ContentFault(Kind kind, int dataBytes) {
        this.kind = kind;
        this.dataBytes = dataBytes;
    }

    public static ContentFault malformedJson() {
        return new ContentFault(Kind.MALFORMED_JSON, 0);
    }

    public static ContentFault unknownEvents() {
        return new ContentFault(Kind.UNKNOWN_EVENTS, 0);
    }

    public static ContentFault duplicateEvents() {
        return new ContentFault(Kind.DUPLICATE_EVENTS, 0);
    }

    public static ContentFault writeAfterClientClose() {
        return new ContentFault(Kind.WRITE_AFTER_CLIENT_CLOSE, 0);
    }

    public static ContentFault staleEventOnReconnect() {
        return new ContentFault(Kind.STALE_EVENT_ON_RECONNECT, 0);
    }

    public static ContentFault progressGoesDown() {
        return new ContentFault(Kind.PROGRESS_GOES_DOWN, 0);
    }

    public static ContentFault nullAndMissingFields() {
        return new ContentFault(Kind.NULL_AND_MISSING_FIELDS, 0);
    }

    /** Pads the first {@code progress-update} of each stream to a 256 KiB data line. */
    public static ContentFault largeEvent() {
        return largeEvent(DEFAULT_LARGE_EVENT_BYTES);
    }

    /**
     * Pads the first {@code progress-update} of each stream with an extra {@code padding} field,
     * so its data line is {@code dataBytes} long, or a little longer when the event is already
     * that long.
     */
    public static ContentFault largeEvent(int dataBytes) {
        if (dataBytes < 1) {
            throw new IllegalArgumentException("dataBytes must be at least 1, was " + dataBytes);
        }
        return new ContentFault(Kind.LARGE_EVENT, dataBytes);
    }

    public static ContentFault comments() {
        return new ContentFault(Kind.COMMENTS, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** Returns the data size of a {@link Kind#LARGE_EVENT} fault, 0 for other kinds. */
    public int dataBytes() {
        return dataBytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentFault fault && fault.kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind);
    }

    @Override
    public String toString() {
        return kind == Kind.LARGE_EVENT ? kind + "(" + dataBytes + " bytes)" : kind.toString();
    }
}
