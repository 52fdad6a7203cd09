package dev.jobmonitor.ui;

import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.settings.SettingsDialog;
import dev.jobmonitor.ui.settings.SettingsForm;
import java.util.Objects;
import javafx.stage.Window;

/**
 * The parts of the window's settings that a view uses: the saved values, the theme and the
 * layout store that its controls attach to.
 */
public record WindowSettings(Settings settings, Themes themes, WindowLayout layout) {
    public WindowSettings {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(themes, "themes");
        Objects.requireNonNull(layout, "layout");
    }

    /** Opens the Settings dialog over {@code owner} and returns at once. Call on the FX thread. */
    public void showDialogFx(Window owner) {
        SettingsDialog.create(new SettingsForm(settings, themes), owner).show();
    }
}
