package dev.jobmonitor.ui.main;

import dev.jobmonitor.ui.FxmlViews;
import dev.jobmonitor.ui.Nodes;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code AccountBanners.fxml}: one account's session-expired banner, which names
 * the account's email and server, and its request-limit bar, which names the account while the
 * window has several.
 */
public final class AccountBannersView {
    private final MainViewModel account;
    private final ObservableBooleanValue severalAccounts;

    @FXML
    private VBox sessionBanner;
    @FXML
    private Label sessionEmailLabel;
    @FXML
    private Label sessionServerLabel;
    @FXML
    private PasswordField sessionPasswordField;
    @FXML
    private Button sessionSignInButton;
    @FXML
    private ProgressIndicator sessionProgressIndicator;
    @FXML
    private Label sessionErrorLabel;
    @FXML
    private HBox requestLimitBar;
    @FXML
    private Label requestLimitAccountLabel;
    @FXML
    private Label requestLimitLabel;

    private AccountBannersView(MainViewModel account, ObservableBooleanValue severalAccounts) {
        this.account = account;
        this.severalAccounts = severalAccounts;
    }

    /**
     * Loads the banners of {@code account}. The bar names the account while
     * {@code severalAccounts} is true. Call on the FX thread.
     */
    public static Parent load(MainViewModel account, ObservableBooleanValue severalAccounts) {
        return FxmlViews.load("AccountBanners.fxml",
                new AccountBannersView(account, severalAccounts));
    }

    @FXML
    private void initialize() {
        bindSessionBanner();
        RequestLimitViewModel limit = account.getRequestLimit();
        Nodes.showWhen(requestLimitBar, limit.waitingProperty());
        requestLimitLabel.textProperty().bind(limit.textProperty());
        requestLimitAccountLabel.setText(account.getAccountLabel());
        Nodes.showWhen(requestLimitAccountLabel, severalAccounts);
    }

    private void bindSessionBanner() {
        SessionExpiryViewModel expiry = account.getSessionExpiry();
        Nodes.showWhen(sessionBanner, expiry.expiredProperty());
        sessionEmailLabel.textProperty().bind(expiry.emailProperty());
        sessionServerLabel.textProperty().bind(expiry.serverProperty());
        sessionPasswordField.textProperty().bindBidirectional(expiry.passwordProperty());
        sessionPasswordField.disableProperty().bind(expiry.signingInProperty());
        sessionSignInButton.disableProperty().bind(expiry.canSignInProperty().not());
        Nodes.showWhen(sessionProgressIndicator, expiry.signingInProperty());
        sessionErrorLabel.textProperty().bind(expiry.errorMessageProperty());
        Nodes.showWhenText(sessionErrorLabel);

        // The password is what the user types next: when the banner appears, and after a
        // failed attempt, which disabled the field while it ran.
        expiry.expiredProperty().addListener((observable, was, is) -> {
            if (is) {
                sessionPasswordField.requestFocus();
            }
        });
        expiry.signingInProperty().addListener((observable, was, is) -> {
            if (!is && expiry.isExpired()) {
                sessionPasswordField.requestFocus();
                sessionPasswordField.selectAll();
            }
        });
    }

    /** Handles the banner's Sign-in button and Enter in its password field. */
    @FXML
    private void signInAgain() {
        account.getSessionExpiry().signIn();
    }
}
