package dev.jobmonitor.watch;

import ch.qos.logback.core.PropertyDefinerBase;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The folder of Job Monitor's log files. logback.xml defines its {@code LOG_DIR} property with
 * this class, so the folder is known before the first line is logged.
 */
public final class LogFiles extends PropertyDefinerBase {
    /** A system property that overrides the folder; the tests point it into {@code target}. */
    public static final String FOLDER_PROPERTY = "jobmonitor.log.dir";

    /** Returns {@link #folder()} as text, for logback.xml's {@code <define>}. */
    @Override
    public String getPropertyValue() {
        return folder().toString();
    }

    /**
     * Returns the log folder: the {@value #FOLDER_PROPERTY} system property when set, else the
     * platform's usual place for the logs of the current user.
     */
    public static Path folder() {
        String override = System.getProperty(FOLDER_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return defaultFolder(System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")), System.getenv());
    }

    /**
     * Returns the platform's log folder: {@code %LOCALAPPDATA%\JobMonitor\logs} on Windows,
     * {@code ~/Library/Logs/JobMonitor} on macOS, and {@code $XDG_STATE_HOME/job-monitor/logs}
     * (default {@code ~/.local/state/job-monitor/logs}) elsewhere.
     */
    static Path defaultFolder(String osName, Path home, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String localAppData = environment.get("LOCALAPPDATA");
            Path base = isSet(localAppData) ? Path.of(localAppData)
                    : home.resolve("AppData").resolve("Local");
            return base.resolve("JobMonitor").resolve("logs");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Logs").resolve("JobMonitor");
        }
        // The XDG Base Directory spec says to ignore a relative path in these variables.
        String stateHome = environment.get("XDG_STATE_HOME");
        Path base = isSet(stateHome) && Path.of(stateHome).isAbsolute() ? Path.of(stateHome)
                : home.resolve(".local").resolve("state");
        return base.resolve("job-monitor").resolve("logs");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
