package dev.jobmonitor.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the package rules on the sources: only the UI and the launcher touch JavaFX, the
 * client never reaches into the demo backend, the demo backend uses nothing of the client, and
 * the app identity in {@code about} depends on nothing else, so every package may read it.
 */
class PackageRulesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "jobmonitor");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @ParameterizedTest(name = "{0} does not import {1}")
    @CsvSource({
        "api, javafx.",
        "api, dev.jobmonitor.watch.",
        "api, dev.jobmonitor.ui.",
        "api, dev.jobmonitor.app.",
        "api, dev.jobmonitor.demo.",
        "watch, javafx.",
        "watch, dev.jobmonitor.ui.",
        "watch, dev.jobmonitor.app.",
        "watch, dev.jobmonitor.demo.",
        "demo, javafx.",
        "demo, dev.jobmonitor.api.",
        "demo, dev.jobmonitor.watch.",
        "demo, dev.jobmonitor.ui.",
        "demo, dev.jobmonitor.app.",
        "ui, dev.jobmonitor.demo.",
        "ui, dev.jobmonitor.app.",
        "settings, javafx.",
        "settings, dev.jobmonitor.api.",
        "settings, dev.jobmonitor.watch.",
        "settings, dev.jobmonitor.ui.",
        "settings, dev.jobmonitor.app.",
        "settings, dev.jobmonitor.demo.",
        "about, javafx.",
        "about, dev.jobmonitor.api.",
        "about, dev.jobmonitor.watch.",
        "about, dev.jobmonitor.ui.",
        "about, dev.jobmonitor.app.",
        "about, dev.jobmonitor.demo.",
    })
    void packageDoesNotImport(String pkg, String forbidden) throws IOException {
        Path root = SOURCES.resolve(pkg);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (matcher.group(2).startsWith(forbidden)) {
                        offenders.add(SOURCES.relativize(file) + " imports " + matcher.group(2));
                    }
                }
            }
        }
        assertFalse(Files.notExists(root), "package folder " + root + " is missing");
        assertEquals(List.of(), offenders);
    }
}
