package dev.jobmonitor.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses a complete SSE body by the event-stream rules of the HTML standard: LF, CRLF and lone CR
 * end lines, comment lines are ignored anywhere, and a blank line dispatches an event.
 */
final class SseParser {
    private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

    /** One dispatched event; {@code type} is {@code message} when the event had no name. */
    record Event(String type, String data) {
    }

    private SseParser() {
    }

    /** Returns the dispatched events; an unterminated last line or event is left out. */
    static List<Event> parse(String body) {
        String[] lines = LINE_END.split(body, -1);
        List<Event> events = new ArrayList<>();
        String type = null;
        StringBuilder data = null;
        // The last element follows the last line ending, so it is not a complete line.
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                if (data != null) {
                    data.setLength(data.length() - 1);
                    events.add(new Event(type == null ? "message" : type, data.toString()));
                }
                type = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            if (field.equals("event")) {
                type = value;
            } else if (field.equals("data")) {
                data = (data == null ? new StringBuilder() : data).append(value).append('\n');
            }
        }
        return events;
    }

    /** Returns the type of each event, in order. */
    static List<String> types(String body) {
        return parse(body).stream().map(Event::type).toList();
    }
}
