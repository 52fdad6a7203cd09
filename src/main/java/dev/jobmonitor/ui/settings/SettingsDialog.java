package dev.jobmonitor.ui.settings;

import dev.jobmonitor.settings.Theme;
import dev.jobmonitor.ui.FxmlViews;
import dev.jobmonitor.ui.Nodes;
import dev.jobmonitor.ui.UiText;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Settings dialog: theme, polling intervals, notifications and recent servers. OK stays
 * disabled while a field is invalid, and only OK saves. Controller of {@code SettingsDialog.fxml}.
 */
public final class SettingsDialog {
    private final SettingsForm form;

    @FXML
    private ChoiceBox<Theme> themeChoiceBox;
    @FXML
    private TextField firstPollField;
    @FXML
    private Label firstPollErrorLabel;
    @FXML
    private TextField maxPollField;
    @FXML
    private Label maxPollErrorLabel;
    @FXML
    private CheckBox notificationsCheckBox;
    @FXML
    private ListView<String> recentServersList;
    @FXML
    private Button forgetServerButton;
    /** Takes the focus after Forget; set once the dialog has its buttons. */
    private Node okButton;

    private SettingsDialog(SettingsForm form) {
        this.form = form;
    }

    /** Builds the dialog for {@code form}, owned by {@code owner}; OK applies the form. */
    public static Dialog<ButtonType> create(SettingsForm form, Window owner) {
        SettingsDialog controller = new SettingsDialog(form);
        Node content = FxmlViews.load("SettingsDialog.fxml", controller);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(UiText.get("settings.title"));
        dialog.getDialogPane().setId("settingsDialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node okButton = dialog.getDialogPane().lookupButton(ButtonType.OK);
        okButton.setId("settingsOkButton");
        okButton.disableProperty().bind(form.validProperty().not());
        controller.okButton = okButton;
        // A Dialog keeps its first size, so without this a message row squeezes the other text.
        InvalidationListener resize = observable -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            if (window != null && window.isShowing()) {
                window.sizeToScene();
            }
        };
        form.firstPollErrorProperty().addListener(resize);
        form.maxPollErrorProperty().addListener(resize);
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == ButtonType.OK) {
                form.apply();
            }
        });
        return dialog;
    }

    @FXML
    private void initialize() {
        themeChoiceBox.setItems(FXCollections.observableArrayList(Theme.values()));
        themeChoiceBox.setConverter(new ThemeNames());
        themeChoiceBox.valueProperty().bindBidirectional(form.themeProperty());
        firstPollField.textProperty().bindBidirectional(form.firstPollTextProperty());
        maxPollField.textProperty().bindBidirectional(form.maxPollTextProperty());
        firstPollErrorLabel.textProperty().bind(form.firstPollErrorProperty());
        maxPollErrorLabel.textProperty().bind(form.maxPollErrorProperty());
        Nodes.showWhenText(firstPollErrorLabel);
        Nodes.showWhenText(maxPollErrorLabel);
        notificationsCheckBox.selectedProperty().bindBidirectional(form.notificationsEnabledProperty());
        recentServersList.setItems(form.getRecentServers());
        recentServersList.setPlaceholder(new Label(UiText.get("settings.servers.none")));
        forgetServerButton.disableProperty()
                .bind(recentServersList.getSelectionModel().selectedItemProperty().isNull());
    }

    @FXML
    private void forgetServer() {
        String server = recentServersList.getSelectionModel().getSelectedItem();
        if (server != null) {
            form.forgetServer(server);
        }
        // Forget turns disabled with the selection gone, and JavaFX would then move the focus on
        // to Cancel, where Enter discards the change. The list does not pass Enter on to OK.
        okButton.requestFocus();
    }

    /** Shows each theme by its name in the UI text, such as "Dark". */
    private static final class ThemeNames extends StringConverter<Theme> {
        @Override
        public String toString(Theme theme) {
            return theme == null ? "" : UiText.get("settings.theme." + theme.name().toLowerCase(Locale.ROOT));
        }

        @Override
        public Theme fromString(String text) {
            throw new UnsupportedOperationException("The theme choice is not editable");
        }
    }
}
