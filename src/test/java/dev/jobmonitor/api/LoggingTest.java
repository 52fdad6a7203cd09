package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the client logs at debug level: requests by method and path, never a secret. */
class LoggingTest extends BackendTestBase {
    private static final String PASSWORD = "correct horse battery staple";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger apiLogger;
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        apiLogger = (Logger) LoggerFactory.getLogger("dev.jobmonitor.api");
        previousLevel = apiLogger.getLevel();
        apiLogger.setLevel(Level.DEBUG);
        appender.start();
        apiLogger.addAppender(appender);
    }

    @AfterEach
    void releaseLogs() {
        apiLogger.detachAppender(appender);
        apiLogger.setLevel(previousLevel);
    }

    @Test
    void logsShowPathsButNoSecrets() throws Exception {
        server.enqueue(Captures.exchange("login.headers.txt", "login.json"));
        server.enqueue(Captures.json(200, "audiences.json"));
        server.enqueue(Captures.json(404, "stream-404.json"));

        await(client.login("user@example.test", PASSWORD));
        await(client.audiences());
        client.openStream("job-1", listener);
        listener.takeFailure();

        String logs = logText();
        assertTrue(logs.contains("POST /api/v1/auth/login"), logs);
        assertTrue(logs.contains("GET /api/v1/audiences"), logs);
        assertTrue(logs.contains("GET /api/v1/jobs/job-1/stream"), logs);
        assertFalse(logs.contains("limit=100"), logs);
        assertFalse(logs.contains(PASSWORD), logs);
        assertFalse(logs.contains(TOKEN), logs);
        assertFalse(logs.contains("Bearer"), logs);
        assertFalse(logs.contains("<JWT>"), logs);
    }

    private String logText() {
        List<ILoggingEvent> events = appender.list;
        synchronized (events) {
            return events.stream()
                    .map(event -> event.getFormattedMessage()
                            + (event.getThrowableProxy() == null
                                    ? "" : " " + event.getThrowableProxy().getMessage()))
                    .collect(Collectors.joining("\n"));
        }
    }
}
