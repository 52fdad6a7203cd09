package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's logback.xml, loaded into a context of its own that writes into a temporary folder. */
class LogbackConfigTest {
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYW5hIn0.c2lnbmF0dXJl";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path logFolder;

    @Test
    void logFileHoldsNoSecrets() throws Exception {
        // given the app's configuration writing into the temporary folder
        String previous = System.getProperty(LogFiles.FOLDER_PROPERTY);
        System.setProperty(LogFiles.FOLDER_PROPERTY, logFolder.toString());
        LoggerContext context = configuredContext();
        try {
            // when messages and a stack trace quote secrets
            Logger logger = context.getLogger("dev.jobmonitor.api.Test");
            logger.info("Job job-1 started");
            logger.warn("Request sent with Authorization: Bearer {}", TOKEN);
            logger.warn("Login body {\"email\":\"dana@example.test\",\"password\":\"{}\"}", PASSWORD);
            logger.error("Stream failed", new IllegalStateException("GET /stream?token=" + TOKEN));
            assertEquals(List.of(), errorsOf(context));
        } finally {
            context.stop();
            restore(previous);
        }

        // then the file has the lines, without the secrets
        String log = Files.readString(logFolder.resolve("job-monitor.log"));
        assertTrue(log.contains("Job job-1 started"), log);
        assertTrue(log.contains("Request sent with Authorization: [redacted]"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: GET /stream?token=[redacted]"),
                log);
        assertFalse(log.contains(TOKEN), log);
        assertFalse(log.contains("c2lnbmF0dXJl"), log);
        assertFalse(log.contains(PASSWORD), log);
        assertFalse(log.contains("horse"), log);
    }

    @Test
    void rootKeepsRecentProblems() throws Exception {
        String previous = System.getProperty(LogFiles.FOLDER_PROPERTY);
        System.setProperty(LogFiles.FOLDER_PROPERTY, logFolder.toString());
        LoggerContext context = configuredContext();
        try {
            context.getLogger("dev.jobmonitor.Test").warn("Polling job-1 failed");

            RecentLogLines recent = (RecentLogLines) context.getLogger(Logger.ROOT_LOGGER_NAME)
                    .getAppender(RecentLogLines.NAME);
            assertEquals(1, recent.lines().size());
            assertTrue(recent.lines().get(0)
                    .endsWith("WARN dev.jobmonitor.Test - Polling job-1 failed"), recent.lines().toString());
        } finally {
            context.stop();
            restore(previous);
        }
    }

    /** Returns a context of its own configured by the app's logback.xml. */
    private static LoggerContext configuredContext() throws Exception {
        LoggerContext context = new LoggerContext();
        // SLF4J's provider sets this for the default context; a context of our own needs one too.
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogbackConfigTest.class.getResource("/logback.xml"));
        return context;
    }

    private static List<String> errorsOf(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getLevel() >= Status.WARN)
                .map(Status::getMessage)
                .toList();
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(LogFiles.FOLDER_PROPERTY);
        } else {
            System.setProperty(LogFiles.FOLDER_PROPERTY, previous);
        }
    }
}
