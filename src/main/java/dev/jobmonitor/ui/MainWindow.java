package dev.jobmonitor.ui;

import dev.jobmonitor.ui.main.MainView;
import dev.jobmonitor.ui.main.MainViewModel;
import dev.jobmonitor.ui.signin.SignInView;
import dev.jobmonitor.ui.signin.SignInViewModel;
import dev.jobmonitor.watch.AccountSession;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Job Monitor window: the sign-in view first, then the main view of the signed-in account.
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
    private MainViewModel mainViewModel;

    private MainWindow(Stage stage, UiOptions options) {
        this.stage = stage;
        this.options = options;
        this.scene = new Scene(new StackPane(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(resource("theme.css"));
    }

    /**
     * Shows the window on {@code stage} with the sign-in view. Installs the JVM's default
     * uncaught-exception handler, which logs and shows an error dialog. Call on the FX thread.
     */
    public static void show(Stage stage, UiOptions options) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(options, "options");
        MainWindow window = new MainWindow(stage, options);
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrorHandler(stage));

        stage.setTitle(UiText.get("app.title"));
        // The window manager picks the size that fits the title bar or task switcher.
        stage.getIcons().setAll(icon("icon-16.png"), icon("icon-32.png"), icon("icon-64.png"),
                icon("icon-128.png"), icon("icon-256.png"));
        // The minimum widths of the sidebar and the job detail in MainView.fxml, plus the divider.
        stage.setMinWidth(1100);
        stage.setMinHeight(560);
        stage.setScene(window.scene);
        stage.setOnHidden(event -> window.closeSessionFx());
        window.showSignInFx();
        stage.show();
    }

    private void showSignInFx() {
        SignInViewModel viewModel = new SignInViewModel(options, handoff, this::showMainFx);
        setRootFx(SignInView.load(viewModel));
    }

    private void showMainFx(AccountSession session) {
        mainViewModel = new MainViewModel(session, handoff, options.clock(), this::signOutFx);
        setRootFx(MainView.load(mainViewModel));
        mainViewModel.start();
    }

    private void signOutFx() {
        closeSessionFx();
        showSignInFx();
    }

    private void closeSessionFx() {
        if (mainViewModel != null) {
            LOGGER.info("Closing the session");
            mainViewModel.close();
            mainViewModel = null;
        }
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
