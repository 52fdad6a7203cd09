package dev.jobmonitor.demo.stream;

/**
 * One SSE message before encoding: a named event, an unnamed event (type {@code message}), or a
 * comment.
 *
 * @param event the event name, or null for an unnamed event or a comment
 * @param data the event's data, where each {@code \n} starts a new {@code data:} line; null for
 *     a comment
 * @param comment the comment text without the leading colon, or null for an event
 */
public record SseMessage(String event, String data, String comment) {

    public SseMessage {
        if ((data == null) == (comment == null)) {
            throw new IllegalArgumentException("A message has either data or a comment");
        }
    }

    public static SseMessage event(String name, String data) {
        return new SseMessage(name, data, null);
    }

    /** Creates an event without an {@code event:} line, which clients receive as type message. */
    public static SseMessage unnamed(String data) {
        return new SseMessage(null, data, null);
    }

    public static SseMessage comment(String text) {
        return new SseMessage(null, null, text);
    }

    public boolean isComment() {
        return comment != null;
    }

    /**
     * Returns the event type that a client receives: the name or {@code message}, or null for a
     * comment.
     */
    public String type() {
        if (isComment()) {
            return null;
        }
        return event == null ? "message" : event;
    }
}
