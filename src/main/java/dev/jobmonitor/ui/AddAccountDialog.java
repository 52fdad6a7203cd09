package dev.jobmonitor.ui;

import dev.jobmonitor.ui.main.MainViewModel;
import dev.jobmonitor.ui.main.WorkspaceViewModel;
import dev.jobmonitor.ui.signin.SignInView;
import dev.jobmonitor.ui.signin.SignInViewModel;
import dev.jobmonitor.watch.AccountSession;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Add account" dialog: the sign-in view in a window of its own, with Cancel. A successful
 * sign-in adds the account to the workspace and closes the dialog. Call on the FX thread.
 */
final class AddAccountDialog {
    private static final Logger LOGGER = LoggerFactory.getLogger(AddAccountDialog.class);
    private static final double WIDTH = 520;
    private static final double HEIGHT = 560;

    private final Dialog<Void> dialog = new Dialog<>();
    private final WorkspaceViewModel workspace;

    private AddAccountDialog(WorkspaceViewModel workspace) {
        this.workspace = workspace;
    }

    /**
     * Shows the dialog over {@code owner}, prefilled with the current account's server. Signing
     * in as an account the window already has shows that account instead of a second session.
     */
    static void show(Window owner, UiOptions options, FxHandoff handoff,
                     WorkspaceViewModel workspace) {
        AddAccountDialog addAccount = new AddAccountDialog(workspace);
        MainViewModel current = workspace.getCurrentAccount();
        String server = current == null ? options.serverUrl()
                : current.getSession().serverUrl().toString();
        UiOptions prefilled = new UiOptions(workspace.reusingSessions(options.signIn()), server,
                null, null, options.demoNotice(), options.clock(), options.settings());
        SignInViewModel viewModel = new SignInViewModel(prefilled, handoff, addAccount::signedInFx);
        // The last email is the account the window already has; another account needs another.
        viewModel.emailProperty().set("");
        addAccount.showFx(owner, SignInView.load(viewModel));
    }

    /** Shows the dialog; its window takes the theme's stylesheets from {@link Themes}. */
    private void showFx(Window owner, Parent signInView) {
        dialog.initOwner(owner);
        dialog.setTitle(UiText.get("account.add.title"));
        dialog.getDialogPane().setContent(signInView);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.getDialogPane().setPrefSize(WIDTH, HEIGHT);
        dialog.setResizable(true);
        LOGGER.info("Showing the Add account dialog");
        dialog.show();
    }

    private void signedInFx(AccountSession session) {
        if (!dialog.isShowing()) {
            // The user cancelled while the sign-in ran, so the new session is closed unless
            // the window already had it.
            boolean known = workspace.getAccounts().stream()
                    .anyMatch(account -> account.getSession() == session);
            if (!known) {
                LOGGER.info("Add account was cancelled; closing the session of {}",
                        session.serverUrl());
                CompletableFuture.runAsync(session::close);
            }
            return;
        }
        workspace.addAccount(session);
        dialog.close();
    }
}
