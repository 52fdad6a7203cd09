package dev.jobmonitor.app;

import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.settings.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * Runs the real app against its embedded demo backend, signs in and selects a running job,
 * for the screenshots in docs/screenshots. The first argument is the theme, {@code light} or
 * {@code dark}; a second argument {@code settings} also opens the Settings dialog. Run it with {@code -Djava.util.prefs.userRoot=<temporary folder>} so the
 * theme it saves does not change the settings of the user running it.
 */
public final class ThemeScreenshotLauncher {
    /** Checks every 250 ms for at most 30 s. */
    private static final int MAX_CHECKS = 120;

    private ThemeScreenshotLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Theme theme = Theme.valueOf(args[0].toUpperCase(Locale.ROOT));
        Settings settings = Settings.forCurrentUser();
        settings.setTheme(theme);
        settings.flush();
        Path dataDir = Files.createTempDirectory("jobmonitor-screenshot");
        Launcher.main(new String[] {"--data-dir", dataDir.toString()});

        boolean openSettings = args.length > 1 && args[1].equals("settings");
        Thread driver = new Thread(() -> signInAndSelectJob(openSettings), "screenshot-driver");
        driver.setDaemon(true);
        driver.start();
    }

    private static void signInAndSelectJob(boolean openSettings) {
        boolean signedIn = false;
        for (int check = 0; check < MAX_CHECKS; check++) {
            pause();
            Scene scene = mainScene();
            if (scene == null) {
                continue;
            }
            if (!signedIn && scene.lookup("#signInButton") instanceof Button signIn) {
                Platform.runLater(signIn::fire);
                signedIn = true;
            } else if (scene.lookup("#jobsTable") instanceof TableView<?> jobs
                    && !jobs.getItems().isEmpty()) {
                // The first seed job fails at once; the second one runs, which shows more.
                Platform.runLater(() -> {
                    jobs.getSelectionModel().select(Math.min(1, jobs.getItems().size() - 1));
                    if (openSettings) {
                        fireMenuItem(scene, "settingsMenuItem");
                    }
                });
                return;
            }
        }
    }

    private static void fireMenuItem(Scene scene, String id) {
        MenuBar menuBar = (MenuBar) scene.lookup("#menuBar");
        menuBar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().ifPresent(MenuItem::fire);
    }

    private static Scene mainScene() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(scene -> scene != null).findFirst().orElse(null);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
