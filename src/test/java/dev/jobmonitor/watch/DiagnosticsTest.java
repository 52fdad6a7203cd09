package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DiagnosticsTest {
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYW5hIn0.c2lnbmF0dXJl";
    private static final String PASSWORD = "correct horse battery staple";

    private final RecentLogLines recent = new RecentLogLines();
    private Logger root;

    @BeforeEach
    void attachRecentLines() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        recent.setContext(context);
        recent.setName(RecentLogLines.NAME);
        recent.start();
        root.addAppender(recent);
    }

    @AfterEach
    void detachRecentLines() {
        root.detachAppender(recent);
        recent.stop();
    }

    @Test
    void summaryListsPlatformAndFolders() {
        Diagnostics diagnostics = new Diagnostics("Job Monitor", () -> "1.4.0",
                Path.of("/data/job-monitor"), Path.of("/logs/job-monitor"), recent::lines);

        String summary = diagnostics.summary(List.of("https://api.example.test"));

        assertTrue(summary.startsWith("Job Monitor 1.4.0"), summary);
        assertTrue(summary.contains("OS: " + System.getProperty("os.name")), summary);
        assertTrue(summary.contains("Java: " + System.getProperty("java.version")), summary);
        assertTrue(summary.contains("JavaFX: "), summary);
        assertTrue(summary.contains("Servers: https://api.example.test"), summary);
        assertTrue(summary.contains("Data folder: " + Path.of("/data/job-monitor")), summary);
        assertTrue(summary.contains("Log folder: " + Path.of("/logs/job-monitor")), summary);
        assertTrue(summary.contains("No recent warnings or errors."), summary);
    }

    @Test
    void summaryShowsRecentProblemsWithoutSecrets() {
        // given problems logged with a token and a password in them, and an info line
        org.slf4j.Logger logger = LoggerFactory.getLogger("dev.jobmonitor.test.Diagnostics");
        logger.warn("Stream of job job-1 failed with Authorization: Bearer {}", TOKEN);
        logger.error("Sign-in failed", new IllegalStateException("password=" + PASSWORD));
        logger.warn("Polling job-2 with ?token={}&limit=1", TOKEN);
        logger.info("Job job-3 started");
        Diagnostics diagnostics = new Diagnostics("Job Monitor", () -> "1.4.0",
                Path.of("data"), Path.of("logs"), recent::lines);

        // when
        String summary = diagnostics.summary(List.of("http://127.0.0.1:8080/?token=" + TOKEN));

        // then
        assertTrue(summary.contains("Recent warnings and errors (3):"), summary);
        assertTrue(summary.contains("WARN dev.jobmonitor.test.Diagnostics - Stream of job job-1"),
                summary);
        assertTrue(summary.contains("ERROR dev.jobmonitor.test.Diagnostics - Sign-in failed"
                + " | java.lang.IllegalStateException: password=[redacted]"), summary);
        assertFalse(summary.contains("Job job-3 started"), summary);
        assertFalse(summary.contains(TOKEN), summary);
        assertFalse(summary.contains("c2lnbmF0dXJl"), summary);
        assertFalse(summary.contains(PASSWORD), summary);
        assertFalse(summary.contains("horse"), summary);
    }

    @Test
    void recentLinesKeepTheLatest() {
        org.slf4j.Logger logger = LoggerFactory.getLogger("dev.jobmonitor.test.Diagnostics");
        for (int i = 1; i <= RecentLogLines.CAPACITY + 5; i++) {
            logger.warn("Problem {}", i);
        }

        List<String> lines = recent.lines();

        assertEquals(RecentLogLines.CAPACITY, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("Problem 6"), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).endsWith("Problem 55"), lines.toString());
    }
}
