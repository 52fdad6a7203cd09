package dev.jobmonitor.ui.help;

import dev.jobmonitor.about.AppInfo;
import dev.jobmonitor.ui.UiText;
import java.util.Objects;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The About dialog: the app's name, version, vendor and description, and the runtime's versions. */
public final class AboutDialog {
    private static final double ICON_SIZE = 64;

    private AboutDialog() {
    }

    /** Shows the dialog over {@code owner} and returns at once. Call on the FX thread. */
    public static Alert showFx(Window owner, AppInfo info) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(UiText.get("about.title", info.name()));
        alert.setHeaderText(info.nameAndVersion());
        alert.setGraphic(icon());

        GridPane facts = new GridPane();
        facts.getStyleClass().add("about-facts");
        facts.setHgap(12);
        facts.setVgap(4);
        addFact(facts, 0, "about.version", info.version(), "aboutVersionLabel");
        addFact(facts, 1, "about.vendor", info.vendor(), "aboutVendorLabel");
        addFact(facts, 2, "about.java", System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")", "aboutJavaLabel");
        // The JavaFX runtime sets this property when its toolkit starts.
        addFact(facts, 3, "about.javafx", System.getProperty("javafx.runtime.version", "?"),
                "aboutJavaFxLabel");

        Label description = new Label(info.description());
        description.setWrapText(true);
        VBox content = new VBox(12, description, facts);
        alert.getDialogPane().setContent(content);
        alert.show();
        return alert;
    }

    private static void addFact(GridPane grid, int row, String captionKey, String value, String id) {
        Label caption = new Label(UiText.get(captionKey));
        caption.getStyleClass().add("muted");
        Label text = new Label(value);
        text.setId(id);
        caption.setLabelFor(text);
        grid.addRow(row, caption, text);
    }

    private static ImageView icon() {
        String url = Objects.requireNonNull(AboutDialog.class.getResource("/dev/jobmonitor/ui/icon-64.png"),
                "icon-64.png").toExternalForm();
        ImageView view = new ImageView(new Image(url, ICON_SIZE, ICON_SIZE, true, true));
        view.setAccessibleText("Job Monitor icon");
        return view;
    }
}
