package dev.jobmonitor.ui.signin;

import dev.jobmonitor.ui.FxmlViews;
import dev.jobmonitor.ui.Nodes;
import dev.jobmonitor.ui.UiText;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Controller of {@code SignInView.fxml}: binds the form to a {@link SignInViewModel}. */
public final class SignInView {
    private final SignInViewModel viewModel;

    @FXML
    private TextField serverUrlField;
    @FXML
    private TextField emailField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Button signInButton;
    @FXML
    private ProgressIndicator signInProgressIndicator;
    @FXML
    private Label errorLabel;
    @FXML
    private Label demoNoticeLabel;
    @FXML
    private Label serverUrlLabel;
    @FXML
    private Label emailLabel;
    @FXML
    private Label passwordLabel;

    private SignInView(SignInViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the view bound to {@code viewModel}. Call on the FX thread. */
    public static Parent load(SignInViewModel viewModel) {
        return FxmlViews.load("SignInView.fxml", new SignInView(viewModel));
    }

    @FXML
    private void initialize() {
        // Screen readers announce each field with its caption.
        serverUrlLabel.setLabelFor(serverUrlField);
        emailLabel.setLabelFor(emailField);
        passwordLabel.setLabelFor(passwordField);
        serverUrlField.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());

        signInButton.disableProperty().bind(Bindings.not(viewModel.canSignInProperty()));
        signInProgressIndicator.visibleProperty().bind(viewModel.signingInProperty());
        serverUrlField.disableProperty().bind(viewModel.signingInProperty());
        emailField.disableProperty().bind(viewModel.signingInProperty());
        passwordField.disableProperty().bind(viewModel.signingInProperty());

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

    /**
     * Puts the caret where the user must act after a failed sign-in: the password for a rejected
     * password, else the server URL. Disabling the fields while signing in moved focus away.
     */
    private void focusFieldToFix() {
        boolean passwordRejected = UiText.get("signIn.error.unauthorized")
                .equals(viewModel.errorMessageProperty().get());
        TextField target = passwordRejected ? passwordField : serverUrlField;
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
