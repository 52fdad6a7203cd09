package dev.jobmonitor.ui;

import dev.jobmonitor.ui.help.HelpActions;
import dev.jobmonitor.ui.main.MainView;
import dev.jobmonitor.ui.main.MainViewModel;
import dev.jobmonitor.ui.main.WorkspaceViewModel;
import dev.jobmonitor.ui.notify.ControlsFxNotifier;
import dev.jobmonitor.ui.notify.DesktopNotifications;
import dev.jobmonitor.ui.notify.DesktopNotifier;
import dev.jobmonitor.ui.signin.RememberedSignIns;
import javafx.collections.ListChangeListener;
import dev.jobmonitor.ui.signin.SignInView;
import dev.jobmonitor.ui.signin.SignInViewModel;
import dev.jobmonitor.watch.AccountSession;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Job Monitor window: the sign-in view first, then the main view of the signed-in accounts.
 * Every method must be called on the FX thread.
 */
public final class MainWindow {
    private static final Logger LOGGER = LoggerFactory.getLogger(MainWindow.class);
    private static final double DEFAULT_WIDTH = 1200;
    private static final double DEFAULT_HEIGHT = 760;

    private final Stage stage;
    private final UiOptions options;
    private final FxHandoff handoff = FxHandoff.onFxThread();
    private final Scene scene;
    private final WindowSettings windowSettings;
    private final DesktopNotifications notifications;
    private final HelpActions help;
    private WorkspaceViewModel workspace;
    private CompletableFuture<Void> sessionsClosed = CompletableFuture.completedFuture(null);

    private MainWindow(Stage stage, UiOptions options, DesktopNotifier notifier,
                       HelpActions help) {
        this.stage = stage;
        this.options = options;
        this.notifications = new DesktopNotifications(options.settings(), notifier,
                this::bringToFrontFx);
        this.help = help;
        this.scene = new Scene(new StackPane(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        this.windowSettings = new WindowSettings(options.settings(), new Themes(options.settings()),
                new WindowLayout(options.settings()));
    }

    /**
     * Shows the window on {@code stage} with the sign-in view, which signs in at once when an
     * account was kept signed in (see {@link SignInViewModel#resumeRemembered()}), and returns
     * it. Installs the JVM's default uncaught-exception handler, which logs and shows an error
     * dialog. Call on the FX thread.
     */
    public static MainWindow show(Stage stage, UiOptions options) {
        return show(stage, options, new ControlsFxNotifier(stage), HelpActions.forDefaultFolders());
    }

    /**
     * Shows the window as {@link #show(Stage, UiOptions)} does, with desktop notifications
     * shown by {@code notifier} and the Help menu's actions run by {@code help}.
     */
    public static MainWindow show(Stage stage, UiOptions options, DesktopNotifier notifier,
                                  HelpActions help) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(help, "help");
        MainWindow window = new MainWindow(stage, options, notifier, help);
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrorHandler(stage));

        // NOTE: JavaFX on GTK gives the window the X11 class "java", and nothing here sets another.
        // So a desktop may not match the window to the installed menu entry.
        stage.setTitle(UiText.get("app.title"));
        // The window manager picks the size that fits the title bar or task switcher.
        stage.getIcons().setAll(icon("icon-16.png"), icon("icon-32.png"), icon("icon-64.png"),
                icon("icon-128.png"), icon("icon-256.png"));
        // The minimum widths of the sidebar and the job detail in MainView.fxml, plus the divider.
        stage.setMinWidth(1180);
        stage.setMinHeight(560);
        stage.setScene(window.scene);
        window.windowSettings.themes().installFx();
        window.windowSettings.layout().attach(stage, "main");
        stage.setOnHidden(event -> {
            window.windowSettings.themes().uninstallFx();
            window.closeSessionsFx();
        });
        window.showSignInFx().resumeRemembered();
        stage.show();
        return window;
    }

    private SignInViewModel showSignInFx() {
        SignInViewModel viewModel = new SignInViewModel(options, handoff, this::showMainFx);
        setRootFx(SignInView.load(viewModel));
        return viewModel;
    }

    private void showMainFx(AccountSession session) {
        RememberedSignIns remembered = new RememberedSignIns(options.settings(), options.signIn());
        workspace = new WorkspaceViewModel(handoff, options.clock(), remembered::forget,
                this::lastSignedOutFx);
        // Each account is followed from before it starts, so no outcome goes unnoticed.
        workspace.getAccounts().addListener((ListChangeListener<MainViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(notifications::follow);
            }
        });
        setRootFx(MainView.load(workspace, this::addAccountFx, windowSettings,
                notifications.enabledProperty(), help));
        workspace.addAccount(session);
        WorkspaceViewModel resumingInto = workspace;
        remembered.resumeOthers(session, handoff, resumed -> {
            if (workspace == resumingInto) {
                resumingInto.addAccount(resumed);
            } else {
                LOGGER.info("Window moved on before {} signed in again; closing that session",
                        resumed.serverUrl());
                CompletableFuture.runAsync(resumed::close);
            }
        });
    }

    private void addAccountFx() {
        AddAccountDialog.show(stage, options, handoff, workspace);
    }

    /** Shows the window over the others, restored if it was minimized, for a notification. */
    private void bringToFrontFx() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    /** Returns to the sign-in view after the last account signed out. */
    private void lastSignedOutFx() {
        workspace = null;
        showSignInFx();
    }

    /**
     * Closes the sessions of every account, once; later calls return the same future, which
     * completes when every session has stopped its watches. Call on the FX thread.
     */
    public CompletableFuture<Void> closeSessionsFx() {
        if (workspace != null) {
            LOGGER.info("Closing the sessions of every account");
            sessionsClosed = workspace.closeAll();
            workspace = null;
        }
        return sessionsClosed;
    }

    private void setRootFx(Parent root) {
        scene.setRoot(root);
    }

    private static Image icon(String name) {
        return new Image(resource(name));
    }

    private static String resource(String name) {
        return Objects.requireNonNull(MainWindow.class.getResource(name), name).toExternalForm();
    }
}
