package dev.jobmonitor.watch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * A Logback appender that keeps the latest WARN and ERROR lines in memory, with secrets
 * replaced, for the diagnostic summary. logback.xml attaches it to the root logger as
 * {@value #NAME}. Thread-safe.
 */
public final class RecentLogLines extends AppenderBase<ILoggingEvent> {
    /** The appender's name in logback.xml. */
    public static final String NAME = "RECENT";
    /** Enough to show what went wrong lately without flooding a support ticket. */
    public static final int CAPACITY = 50;
    /** Causes shown per line; the log file has the whole chain. */
    private static final int MAX_CAUSES = 5;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Deque<String> lines = new ArrayDeque<>();

    /** Returns the appender attached to the root logger as {@value #NAME}, if any. */
    public static Optional<RecentLogLines> find() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return Optional.empty();
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> appender =
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(NAME);
        return appender instanceof RecentLogLines ? Optional.of((RecentLogLines) appender)
                : Optional.empty();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return;
        }
        String line = format(event);
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** Returns the kept lines, oldest first. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static String format(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                .append(event.getLevel()).append(' ')
                .append(event.getLoggerName()).append(" - ")
                .append(event.getFormattedMessage());
        IThrowableProxy cause = event.getThrowableProxy();
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            cause = cause.getCause();
        }
        return SecretScrubber.scrub(line.toString());
    }
}
