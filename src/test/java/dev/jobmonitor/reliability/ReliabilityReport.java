package dev.jobmonitor.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes measured results into sections of a Markdown file, so that the fault matrix and the
 * chaos run can each replace their own section of the same reliability page.
 */
final class ReliabilityReport {
    private ReliabilityReport() {
    }

    static List<String> header(String title, String setting) {
        List<String> lines = new ArrayList<>();
        lines.add("## " + title);
        lines.add("");
        lines.add(setting);
        lines.add("");
        return lines;
    }

    /** Replaces the section named {@code key} in {@code file}, or appends it. */
    static synchronized void writeSection(Path file, String key, List<String> body) throws IOException {
        String start = "<!-- " + key + ":start -->";
        String end = "<!-- " + key + ":end -->";
        String section = start + "\n" + String.join("\n", body) + "\n" + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            updated = text.substring(0, from) + section + text.substring(to + end.length());
        } else {
            updated = text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + section + "\n";
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
