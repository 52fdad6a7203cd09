package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFilesTest {
    private static final Path HOME = Path.of("/home/dana");

    @Test
    void linuxUsesXdgStateHome() {
        assertEquals(Path.of("/state/job-monitor/logs"),
                LogFiles.defaultFolder("Linux", HOME, Map.of("XDG_STATE_HOME", "/state")));
        assertEquals(HOME.resolve(".local/state/job-monitor/logs"),
                LogFiles.defaultFolder("Linux", HOME, Map.of()));
        assertEquals(HOME.resolve(".local/state/job-monitor/logs"),
                LogFiles.defaultFolder("Linux", HOME, Map.of("XDG_STATE_HOME", " ")));
    }

    @Test
    void linuxIgnoresRelativeXdgStateHome() {
        assertEquals(HOME.resolve(".local/state/job-monitor/logs"),
                LogFiles.defaultFolder("Linux", HOME, Map.of("XDG_STATE_HOME", "relative/dir")));
    }

    @Test
    void macOsUsesLibraryLogs() {
        assertEquals(HOME.resolve("Library/Logs/JobMonitor"),
                LogFiles.defaultFolder("Mac OS X", HOME, Map.of()));
    }

    @Test
    void windowsUsesLocalAppData() {
        Path localAppData = Path.of("C:", "Users", "dana", "AppData", "Local");
        assertEquals(localAppData.resolve("JobMonitor").resolve("logs"),
                LogFiles.defaultFolder("Windows 11", HOME,
                        Map.of("LOCALAPPDATA", localAppData.toString())));
        assertEquals(HOME.resolve("AppData/Local/JobMonitor/logs"),
                LogFiles.defaultFolder("Windows 11", HOME, Map.of()));
    }

    @Test
    void testsLogIntoTarget() {
        // Surefire sets the override, so no test writes into the user's log folder.
        assertEquals(Path.of("target", "test-logs").toAbsolutePath(),
                LogFiles.folder().toAbsolutePath());
    }
}
