package dev.jobmonitor.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML file next to its controller class, with the UI's resource bundle. */
public final class FxmlViews {
    private FxmlViews() {
    }

    /**
     * Loads {@code fxmlName} from the package of {@code controller}'s class and uses the given
     * instance as its controller, so controllers can take their ViewModel in the constructor.
     */
    public static Parent load(String fxmlName, Object controller) {
        URL location = controller.getClass().getResource(fxmlName);
        Objects.requireNonNull(location, () -> "FXML file not found: " + fxmlName);
        FXMLLoader loader = new FXMLLoader(location, UiText.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to load " + location, e);
        }
    }
}
