package dev.jobmonitor.ui.help;

import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.AppPaths;
import dev.jobmonitor.watch.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Help menu's actions: open the log folder, copy the diagnostic summary. */
public final class HelpActions {
    private static final Logger LOGGER = LoggerFactory.getLogger(HelpActions.class);

    private final Diagnostics diagnostics;
    private final FolderOpener opener;

    public HelpActions(Diagnostics diagnostics, FolderOpener opener) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** Returns actions on the default data folder and the log folder. */
    public static HelpActions forDefaultFolders() {
        return forDataFolder(AppPaths.defaultDataDir());
    }

    /** Returns actions on {@code dataFolder} and the log folder, opened with the OS's command. */
    public static HelpActions forDataFolder(Path dataFolder) {
        return new HelpActions(Diagnostics.forApp(UiText.get("app.title"), dataFolder),
                new FileManagerOpener());
    }

    /**
     * Opens the log folder in the file manager off the FX thread; shows a message over
     * {@code owner} if that fails. Call on the FX thread.
     */
    public void openLogFolderFx(Window owner) {
        Path folder = diagnostics.logFolder();
        LOGGER.info("Opening the log folder {}", folder);
        CompletableFuture.runAsync(() -> {
            try {
                Files.createDirectories(folder);
                opener.open(folder);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException
                        && failure.getCause() != null ? failure.getCause() : failure;
                LOGGER.warn("Opening the log folder {} failed", folder, cause);
                Platform.runLater(() -> showOpenFailedFx(owner, folder, cause));
            }
        });
    }

    /**
     * Copies the diagnostic summary for the given servers to the clipboard. Call on the FX
     * thread.
     */
    public void copyDiagnosticsFx(List<String> serverUrls) {
        ClipboardContent content = new ClipboardContent();
        content.putString(diagnostics.summary(serverUrls));
        Clipboard.getSystemClipboard().setContent(content);
        LOGGER.info("Copied the diagnostic summary to the clipboard");
    }

    private static void showOpenFailedFx(Window owner, Path folder, Throwable failure) {
        // The path sits in a read-only field, so the user can select and copy it.
        TextField path = new TextField(folder.toString());
        path.setEditable(false);
        path.setId("logFolderPathField");
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(UiText.get("help.logFolder.failed.title"));
        alert.setHeaderText(UiText.get("help.logFolder.failed.title"));
        Label message = new Label(UiText.get("help.logFolder.failed", failure.getMessage()));
        message.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(8, path, message));
        alert.show();
    }
}
