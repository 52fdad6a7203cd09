package dev.jobmonitor.ui.help;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens folders with the platform's own command: {@code explorer} on Windows, {@code open} on
 * macOS and {@code xdg-open} elsewhere. Uses no AWT, which would start a second toolkit beside
 * JavaFX.
 */
final class FileManagerOpener implements FolderOpener {
    /** xdg-open returns once it has handed the folder over, usually within a second. */
    private static final long WAIT_SECONDS = 10;

    @Override
    public void open(Path folder) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("explorer", folder.toString())
                : os.contains("mac") ? List.of("open", folder.toString())
                : List.of("xdg-open", folder.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // explorer exits with 1 even when it opened the folder, so only the others are checked.
        if (os.contains("win")) {
            return;
        }
        try {
            if (process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && process.exitValue() != 0) {
                throw new IOException(command.get(0) + " exited with code " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for " + command.get(0), e);
        }
    }
}
