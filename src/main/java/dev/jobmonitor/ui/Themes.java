package dev.jobmonitor.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.settings.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The light or dark theme of every window of the app: AtlantaFX Primer as the user-agent
 * stylesheet, {@code theme.css} with the light {@code -jm-*} tokens, and for the dark theme
 * {@code theme-dark.css}, which redefines the tokens. Switching swaps stylesheets only, so no
 * view is rebuilt and no state is lost. The choice is saved in the user's settings.
 *
 * <p>Call every method on the FX thread.
 */
public final class Themes {
    private static final Logger LOGGER = LoggerFactory.getLogger(Themes.class);
    static final String TOKENS = resource("theme.css");
    static final String DARK_TOKENS = resource("theme-dark.css");

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ListChangeListener<Window> newWindows = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::styleFx);
        }
    };

    /** The theme saved in {@code settings}; each later change is applied and saved there. */
    public Themes(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        theme.set(settings.theme());
        theme.addListener((observable, oldTheme, newTheme) -> {
            Objects.requireNonNull(newTheme, "theme");
            LOGGER.info("Switching the theme from {} to {}", oldTheme, newTheme);
            settings.setTheme(newTheme);
            applyFx();
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    public void setTheme(Theme value) {
        theme.set(value);
    }

    /**
     * Applies the theme to every open window and to each window opened later (dialogs too),
     * until {@link #uninstallFx()}. Popups such as menus and tooltips take the stylesheets of
     * the window that owns them.
     */
    public void installFx() {
        Window.getWindows().addListener(newWindows);
        applyFx();
    }

    /** Stops styling new windows, for a main window that closes. */
    public void uninstallFx() {
        Window.getWindows().removeListener(newWindows);
    }

    private void applyFx() {
        Theme current = theme.get();
        Application.setUserAgentStylesheet(current == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        List.copyOf(Window.getWindows()).forEach(this::styleFx);
    }

    private void styleFx(Window window) {
        // Popup windows have no .root node of their own to carry the tokens.
        if (window instanceof Stage && window.getScene() != null) {
            styleFx(window.getScene());
        }
    }

    /** Puts the token sheets of the current theme first in {@code scene}'s stylesheets. */
    void styleFx(Scene scene) {
        List<String> sheets = new ArrayList<>(List.of(TOKENS));
        if (theme.get() == Theme.DARK) {
            sheets.add(DARK_TOKENS);
        }
        for (String sheet : scene.getStylesheets()) {
            if (!sheet.equals(TOKENS) && !sheet.equals(DARK_TOKENS)) {
                sheets.add(sheet);
            }
        }
        // Setting an equal list would still make JavaFX restyle the whole scene.
        if (!scene.getStylesheets().equals(sheets)) {
            scene.getStylesheets().setAll(sheets);
        }
    }

    private static String resource(String name) {
        return Objects.requireNonNull(Themes.class.getResource(name), name).toExternalForm();
    }
}
