package dev.jobmonitor.demo.stream;

/**
 * One SSE frame about to be written: an event or a comment, with its bytes.
 *
 * @param eventsBefore how many events this stream wrote before this frame
 * @param eventName the event type, {@code message} for an unnamed event, or null for a comment
 *     such as {@code : keepalive}
 * @param bytes the frame exactly as it would go on the wire, ending in a blank line
 */
public record SseFrame(int eventsBefore, String eventName, byte[] bytes) {

    public boolean isComment() {
        return eventName == null;
    }

    /** Returns whether this is a {@code complete} or {@code failed} event. */
    public boolean isTerminal() {
        return "complete".equals(eventName) || "failed".equals(eventName);
    }
}
