package dev.jobmonitor.ui.help;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a folder in the desktop's file manager. */
public interface FolderOpener {
    /**
     * Opens {@code folder}; blocks until the file manager has been started, so call it off the
     * FX thread.
     *
     * @throws IOException when no file manager could be started for the folder
     */
    void open(Path folder) throws IOException;
}
