package dev.jobmonitor.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** User-visible text from {@code dev/jobmonitor/ui/messages.properties}. */
public final class UiText {
    /** Base name of the bundle that FXML files and code read their text from. */
    public static final String BUNDLE_NAME = "dev.jobmonitor.ui.messages";

    private UiText() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE_NAME);
    }

    /** Returns the text for {@code key}, with {@link MessageFormat} arguments filled in. */
    public static String get(String key, Object... arguments) {
        String pattern = bundle().getString(key);
        return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
    }
}
