package dev.jobmonitor.ui.settings;

import dev.jobmonitor.settings.PollingOptions;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.settings.Theme;
import dev.jobmonitor.ui.Themes;
import dev.jobmonitor.ui.UiText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The values edited in the Settings dialog, checked as they are typed. Nothing reaches the
 * settings or the window before {@link #apply()}. Use on the FX thread only.
 */
public final class SettingsForm {
    private static final Logger LOGGER = LoggerFactory.getLogger(SettingsForm.class);

    private final Settings settings;
    private final Themes themes;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final StringProperty firstPollText = new SimpleStringProperty(this, "firstPollText");
    private final StringProperty maxPollText = new SimpleStringProperty(this, "maxPollText");
    private final ReadOnlyStringWrapper firstPollError = new ReadOnlyStringWrapper(this, "firstPollError", "");
    private final ReadOnlyStringWrapper maxPollError = new ReadOnlyStringWrapper(this, "maxPollError", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final BooleanProperty notificationsEnabled =
            new SimpleBooleanProperty(this, "notificationsEnabled");
    private final ObservableList<String> recentServers = FXCollections.observableArrayList();
    private final List<String> forgottenServers = new ArrayList<>();

    /** A form filled with the current values of {@code settings} and {@code themes}. */
    public SettingsForm(Settings settings, Themes themes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.themes = Objects.requireNonNull(themes, "themes");
        PollingOptions polling = settings.polling();
        theme.set(themes.getTheme());
        firstPollText.set(Long.toString(polling.first().toSeconds()));
        maxPollText.set(Long.toString(polling.max().toSeconds()));
        notificationsEnabled.set(settings.notificationsEnabled());
        recentServers.setAll(settings.recentServers());
        firstPollText.addListener(observable -> validate());
        maxPollText.addListener(observable -> validate());
        validate();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The first poll interval after a stream drops, as typed, in seconds. */
    public StringProperty firstPollTextProperty() {
        return firstPollText;
    }

    /** The longest poll interval, as typed, in seconds. */
    public StringProperty maxPollTextProperty() {
        return maxPollText;
    }

    /** Why the first interval is invalid, or empty when it is valid. */
    public ReadOnlyStringProperty firstPollErrorProperty() {
        return firstPollError.getReadOnlyProperty();
    }

    /** Why the longest interval is invalid, or empty when it is valid. */
    public ReadOnlyStringProperty maxPollErrorProperty() {
        return maxPollError.getReadOnlyProperty();
    }

    /** Whether every field is valid, so the form can be applied. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public BooleanProperty notificationsEnabledProperty() {
        return notificationsEnabled;
    }

    /** Recent servers, without those forgotten in this form. */
    public ObservableList<String> getRecentServers() {
        return recentServers;
    }

    /** Removes {@code serverUrl} from the list; the settings forget it on {@link #apply()}. */
    public void forgetServer(String serverUrl) {
        if (recentServers.remove(serverUrl)) {
            forgottenServers.add(serverUrl);
        }
    }

    /** Saves the values and switches the theme. Does nothing while a field is invalid. */
    public void apply() {
        if (!valid.get()) {
            return;
        }
        PollingOptions polling = new PollingOptions(
                Duration.ofSeconds(parseSeconds(firstPollText.get()).orElseThrow()),
                Duration.ofSeconds(parseSeconds(maxPollText.get()).orElseThrow()));
        settings.setPolling(polling);
        settings.setNotificationsEnabled(notificationsEnabled.get());
        forgottenServers.forEach(settings::forgetServer);
        themes.setTheme(theme.get());
        settings.flush();
        LOGGER.info("Saved settings: theme {}, polling {} s to {} s, notifications {}, {} server(s) forgotten",
                theme.get(), polling.first().toSeconds(), polling.max().toSeconds(),
                notificationsEnabled.get() ? "on" : "off", forgottenServers.size());
    }

    private void validate() {
        OptionalLong first = parseSeconds(firstPollText.get());
        OptionalLong max = parseSeconds(maxPollText.get());
        String firstError = rangeError(firstPollText.get(), first);
        String maxError = rangeError(maxPollText.get(), max);
        if (firstError.isEmpty() && maxError.isEmpty() && first.getAsLong() > max.getAsLong()) {
            firstError = UiText.get("settings.polling.firstAboveMax", max.getAsLong());
        }
        firstPollError.set(firstError);
        maxPollError.set(maxError);
        valid.set(firstError.isEmpty() && maxError.isEmpty());
    }

    private static String rangeError(String text, OptionalLong seconds) {
        long min = PollingOptions.MIN_INTERVAL.toSeconds();
        long max = PollingOptions.MAX_INTERVAL.toSeconds();
        if (text == null || text.isBlank()) {
            return UiText.get("settings.polling.missing");
        }
        if (seconds.isEmpty()) {
            return UiText.get("settings.polling.notANumber", text.strip());
        }
        if (seconds.getAsLong() < min || seconds.getAsLong() > max) {
            return UiText.get("settings.polling.outOfRange", min, max);
        }
        return "";
    }

    /** Whole seconds typed with optional surrounding spaces; empty for anything else. */
    private static OptionalLong parseSeconds(String text) {
        if (text == null || !text.strip().matches("\\d{1,9}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(text.strip()));
    }
}
