package dev.jobmonitor.demo.api;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A method and a path pattern such as {@code /api/v1/jobs/:id/status}, where a {@code :name}
 * segment matches any one non-empty segment.
 */
record Route(String method, String pattern, Handler handler) {

    /** Handles one matched request on the connection's thread. */
    @FunctionalInterface
    interface Handler {
        void handle(Call call) throws IOException;
    }

    /** Returns the path parameters when the path matches, or null. */
    Map<String, String> match(String path) {
        String[] expected = pattern.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith(":")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(expected[i].substring(1), actual[i]);
            } else if (!expected[i].equals(actual[i])) {
                return null;
            }
        }
        return parameters;
    }
}
