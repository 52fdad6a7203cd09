package dev.jobmonitor.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits an SSE body into frames, each without its closing blank line. */
final class SseFrames {
    static final String KEEPALIVE = ": keepalive";

    private SseFrames() {
    }

    static List<String> all(String body) {
        List<String> frames = new ArrayList<>(Arrays.asList(body.split("\n\n", -1)));
        frames.remove(frames.size() - 1);
        return frames;
    }

    /** Returns every frame except keepalive comments. */
    static List<String> withoutKeepalives(String body) {
        List<String> frames = all(body);
        frames.removeIf(KEEPALIVE::equals);
        return frames;
    }

    /** Returns the data JSON of an event frame. */
    static String data(String frame) {
        return frame.substring(frame.indexOf("\ndata: ") + "\ndata: ".length());
    }

    static String name(String frame) {
        return frame.substring("event: ".length(), frame.indexOf('\n'));
    }

    /** Counts keepalive comments after the first frame that starts with {@code prefix}. */
    static long keepalivesAfter(String body, String prefix) {
        List<String> frames = all(body);
        int start = 0;
        while (start < frames.size() && !frames.get(start).startsWith(prefix)) {
            start++;
        }
        return frames.subList(Math.min(start, frames.size()), frames.size()).stream()
                .filter(KEEPALIVE::equals).count();
    }
}
