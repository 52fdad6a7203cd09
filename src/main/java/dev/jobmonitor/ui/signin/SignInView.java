package dev.jobmonitor.ui.signin;

import dev.jobmonitor.ui.FxmlViews;
import dev.jobmonitor.ui.Nodes;
import dev.jobmonitor.ui.UiText;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code SignInView.fxml}: binds the form to a {@link SignInViewModel}. The view
 * keeps no state of its own, so a dialog can load another instance with its own view-model.
 */
public final class SignInView {
    private final SignInViewModel viewModel;

    @FXML
    private TextField serverUrlField;
    @FXML
    private MenuButton recentServersButton;
    @FXML
    private VBox plainHttpBox;
    @FXML
    private CheckBox allowPlainHttpCheckBox;
    @FXML
    private TextField emailField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private CheckBox rememberMeCheckBox;
    @FXML
    private Button signInButton;
    @FXML
    private ProgressIndicator signInProgressIndicator;
    @FXML
    private Label statusLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Label demoNoticeLabel;

    private SignInView(SignInViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the view bound to {@code viewModel}. Call on the FX thread. */
    public static Parent load(SignInViewModel viewModel) {
        return FxmlViews.load("SignInView.fxml", new SignInView(viewModel));
    }

    @FXML
    private void initialize() {
        bindFields();
        bindRecentServers();
        bindPlainHttpConsent();
        rememberMeCheckBox.selectedProperty().bindBidirectional(viewModel.rememberMeProperty());
        Nodes.showWhen(rememberMeCheckBox, viewModel.rememberAvailableProperty());

        signInButton.disableProperty().bind(Bindings.not(viewModel.canSignInProperty()));
        signInProgressIndicator.visibleProperty().bind(viewModel.signingInProperty());
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        Nodes.showWhenText(statusLabel);
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        Nodes.showWhenText(errorLabel);
        demoNoticeLabel.textProperty().bind(viewModel.demoNoticeProperty());
        Nodes.showWhenText(demoNoticeLabel);
        // Focus can move only once the view is in a scene, after this method returns.
        Platform.runLater(() -> firstEmptyControl().requestFocus());
        viewModel.errorMessageProperty().addListener((observable, was, is) -> {
            if (!is.isEmpty()) {
                // After the fields are enabled again, which may happen later in this pulse.
                Platform.runLater(this::focusFieldToFix);
            }
        });
    }

    private void bindFields() {
        serverUrlField.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        for (Control control : List.of(serverUrlField, recentServersButton, allowPlainHttpCheckBox,
                emailField, passwordField, rememberMeCheckBox)) {
            control.disableProperty().bind(viewModel.signingInProperty());
        }
    }

    private void bindRecentServers() {
        fillRecentServers();
        viewModel.getRecentServers().addListener(
                (ListChangeListener<String>) change -> fillRecentServers());
        Nodes.showWhen(recentServersButton,
                Bindings.isNotEmpty(viewModel.getRecentServers()));
    }

    private void fillRecentServers() {
        recentServersButton.getItems().clear();
        for (String server : viewModel.getRecentServers()) {
            MenuItem item = new MenuItem(server);
            // A URL is not a mnemonic: an underscore in it must show as itself.
            item.setMnemonicParsing(false);
            item.setOnAction(event -> {
                viewModel.serverUrlProperty().set(server);
                emailField.requestFocus();
            });
            recentServersButton.getItems().add(item);
        }
    }

    private void bindPlainHttpConsent() {
        Nodes.showWhen(plainHttpBox, Bindings.isNotEmpty(viewModel.plainHttpHostProperty()));
        allowPlainHttpCheckBox.textProperty().bind(Bindings.createStringBinding(
                () -> UiText.get("signIn.plainHttp.allow", viewModel.plainHttpHostProperty().get()),
                viewModel.plainHttpHostProperty()));
        allowPlainHttpCheckBox.selectedProperty()
                .bindBidirectional(viewModel.plainHttpAllowedProperty());
    }

    /**
     * Puts the caret where the user must act after a failed sign-in: the password for a rejected
     * password or a rejected saved sign-in (which leaves it empty), else the server URL.
     * Disabling the fields while signing in moved focus away.
     */
    private void focusFieldToFix() {
        boolean passwordRejected = UiText.get("signIn.error.unauthorized")
                .equals(viewModel.errorMessageProperty().get());
        boolean passwordMissing = passwordField.getText() == null || passwordField.getText().isEmpty();
        TextField target = passwordRejected || passwordMissing ? passwordField : serverUrlField;
        target.requestFocus();
        target.selectAll();
    }

    /** Returns the first empty field, or the Sign-in button when the form is prefilled. */
    private Control firstEmptyControl() {
        for (TextField field : List.of(serverUrlField, emailField, passwordField)) {
            if (field.getText() == null || field.getText().isBlank()) {
                return field;
            }
        }
        return signInButton;
    }

    /** Handles the Sign-in button and Enter in any field. */
    @FXML
    private void signIn() {
        viewModel.signIn();
    }
}
