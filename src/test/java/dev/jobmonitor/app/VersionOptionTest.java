package dev.jobmonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.about.AppInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code --version} and the identity that the build copies from pom.xml. */
class VersionOptionTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

    @Test
    void versionPrintsNameAndVersion() {
        int code = Launcher.run(new String[] {"--version"}, out, err);

        assertEquals(0, code);
        assertEquals("Job Monitor " + AppInfo.load().version(), printed().strip());
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void identityComesFromPom() {
        AppInfo info = AppInfo.load();

        assertEquals("Job Monitor", info.name());
        assertTrue(info.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), info.version());
        assertEquals("Job Monitor developers", info.vendor());
        assertTrue(info.description().startsWith("Desktop monitor"), info.description());
    }

    @Test
    void helpListsVersionAndSmokeTest() {
        assertEquals(0, Launcher.run(new String[] {"--help"}, out, err));

        assertTrue(printed().contains("--version"), printed());
        assertTrue(printed().contains("--smoke-test"), printed());
    }

    @Test
    void smokeTestRejectsServer() {
        int code = Launcher.run(new String[] {"--smoke-test", "--server", "http://127.0.0.1:9"},
                out, err);

        assertEquals(2, code);
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("remove --server"),
                errors.toString(StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
