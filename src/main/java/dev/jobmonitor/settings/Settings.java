package dev.jobmonitor.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's settings, kept in a {@link Preferences} node: servers and email last used, window
 * layout, theme, polling and notification options. Values that cannot be read (edited by hand,
 * or written by another version) fall back to their defaults with a warning in the log.
 * Passwords and tokens are never stored here.
 *
 * <p>Thread-safe, as {@link Preferences} is. Change listeners run on the thread that made the
 * change.
 */
public final class Settings {
    private static final Logger LOGGER = LoggerFactory.getLogger(Settings.class);
    /** The node under the user root that contains Job Monitor's settings. */
    public static final String NODE_PATH = "/dev/jobmonitor";
    /** How many recent server URLs are kept. */
    public static final int MAX_RECENT_SERVERS = 10;

    public static final String RECENT_SERVERS = "servers.recent";
    public static final String LAST_EMAIL = "signIn.lastEmail";
    public static final String THEME = "view.theme";
    public static final String POLL_FIRST_SECONDS = "polling.firstSeconds";
    public static final String POLL_MAX_SECONDS = "polling.maxSeconds";
    public static final String NOTIFICATIONS = "notifications.enabled";
    public static final String INSECURE_SERVERS = "servers.insecureAllowed";
    public static final String REMEMBERED_ACCOUNTS = "signIn.remembered";
    private static final String WINDOW_PREFIX = "window.";
    private static final String SPLIT_PREFIX = "split.";
    private static final String TABLE_PREFIX = "table.";
    /** Separates list entries; URLs and emails cannot contain a line break. */
    private static final String LIST_SEPARATOR = "\n";

    private final Preferences node;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Settings in {@code node}; tests pass a node of their own and remove it afterwards. */
    public Settings(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** Returns the settings of the user running the app, under {@link #NODE_PATH}. */
    public static Settings forCurrentUser() {
        return new Settings(Preferences.userRoot().node(NODE_PATH));
    }

    public Preferences node() {
        return node;
    }

    /** Adds a listener called with the key of each setting changed through this object. */
    public void addChangeListener(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeChangeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    /** Server URLs signed in to, the most recent first. */
    public List<String> recentServers() {
        return readList(RECENT_SERVERS);
    }

    /** Moves {@code serverUrl} to the front of the recent servers, keeping the newest ten. */
    public void rememberServer(String serverUrl) {
        String url = requireSingleLine(serverUrl, "server URL");
        List<String> servers = new ArrayList<>(recentServers());
        servers.remove(url);
        servers.add(0, url);
        writeList(RECENT_SERVERS, servers.subList(0, Math.min(MAX_RECENT_SERVERS, servers.size())));
    }

    /** Removes {@code serverUrl} from the recent servers. */
    public void forgetServer(String serverUrl) {
        List<String> servers = new ArrayList<>(recentServers());
        if (servers.remove(serverUrl)) {
            writeList(RECENT_SERVERS, servers);
        }
    }

    /** Returns the email of the last successful sign-in. */
    public Optional<String> lastEmail() {
        return Optional.ofNullable(node.get(LAST_EMAIL, null)).filter(email -> !email.isBlank());
    }

    public void setLastEmail(String email) {
        put(LAST_EMAIL, requireSingleLine(email, "email").trim());
    }

    /** Accounts signed in with "Keep me signed in", the most recent first. */
    public List<RememberedAccount> rememberedAccounts() {
        List<RememberedAccount> accounts = new ArrayList<>();
        for (String entry : readList(REMEMBERED_ACCOUNTS)) {
            int space = entry.indexOf(' ');
            if (space > 0 && space < entry.length() - 1) {
                accounts.add(new RememberedAccount(entry.substring(0, space),
                        entry.substring(space + 1)));
            } else {
                LOGGER.warn("Ignoring unreadable remembered account '{}'", entry);
            }
        }
        return List.copyOf(accounts);
    }

    /** Adds the account, or moves it to the front, of the remembered accounts. */
    public void addRememberedAccount(String serverUrl, String email) {
        String entry = rememberedEntry(serverUrl, email);
        List<String> entries = new ArrayList<>(readList(REMEMBERED_ACCOUNTS));
        entries.remove(entry);
        entries.add(0, entry);
        writeList(REMEMBERED_ACCOUNTS, entries);
    }

    /** Removes the account from the remembered accounts; does nothing when it is not there. */
    public void removeRememberedAccount(String serverUrl, String email) {
        List<String> entries = new ArrayList<>(readList(REMEMBERED_ACCOUNTS));
        if (entries.remove(serverUrl + " " + email)) {
            writeList(REMEMBERED_ACCOUNTS, entries);
        }
    }

    /** Returns the last bounds of the window named {@code windowKey}, if saved and readable. */
    public Optional<WindowBounds> windowBounds(String windowKey) {
        String key = WINDOW_PREFIX + windowKey;
        String value = node.get(key, null);
        if (value == null) {
            return Optional.empty();
        }
        try {
            String[] parts = value.split(",");
            if (parts.length != 5) {
                throw new IllegalArgumentException("expected x,y,width,height,maximized");
            }
            return Optional.of(new WindowBounds(Double.parseDouble(parts[0]),
                    Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                    Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4])));
        } catch (IllegalArgumentException e) {
            LOGGER.warn("Ignoring unreadable setting {}='{}'", key, value, e);
            return Optional.empty();
        }
    }

    public void setWindowBounds(String windowKey, WindowBounds bounds) {
        put(WINDOW_PREFIX + windowKey, bounds.x() + "," + bounds.y() + "," + bounds.width() + ","
                + bounds.height() + "," + bounds.maximized());
    }

    /** Returns the saved divider position (0 to 1) of the split pane named {@code splitKey}. */
    public OptionalDouble splitPosition(String splitKey) {
        String key = SPLIT_PREFIX + splitKey;
        String value = node.get(key, null);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double position = Double.parseDouble(value);
            if (position >= 0 && position <= 1) {
                return OptionalDouble.of(position);
            }
            LOGGER.warn("Ignoring setting {}={}: a divider position is between 0 and 1", key, value);
        } catch (NumberFormatException e) {
            LOGGER.warn("Ignoring unreadable setting {}='{}'", key, value, e);
        }
        return OptionalDouble.empty();
    }

    public void setSplitPosition(String splitKey, double position) {
        if (!(position >= 0 && position <= 1)) {
            throw new IllegalArgumentException("Divider position must be between 0 and 1: " + position);
        }
        put(SPLIT_PREFIX + splitKey, Double.toString(position));
    }

    /**
     * Returns the saved layout (column order, widths, visibility and sort) of the table named
     * {@code tableKey}, in the text form its view writes.
     */
    public Optional<String> tableLayout(String tableKey) {
        return Optional.ofNullable(node.get(TABLE_PREFIX + tableKey, null));
    }

    public void setTableLayout(String tableKey, String layout) {
        put(TABLE_PREFIX + tableKey, Objects.requireNonNull(layout, "layout"));
    }

    public Theme theme() {
        String value = node.get(THEME, Theme.LIGHT.name());
        try {
            return Theme.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOGGER.warn("Ignoring setting {}='{}': expected light or dark", THEME, value);
            return Theme.LIGHT;
        }
    }

    public void setTheme(Theme theme) {
        put(THEME, Objects.requireNonNull(theme, "theme").name());
    }

    /** Returns the polling intervals, or the defaults when the saved ones are missing or invalid. */
    public PollingOptions polling() {
        long first = node.getLong(POLL_FIRST_SECONDS, PollingOptions.DEFAULTS.first().toSeconds());
        long max = node.getLong(POLL_MAX_SECONDS, PollingOptions.DEFAULTS.max().toSeconds());
        try {
            return new PollingOptions(Duration.ofSeconds(first), Duration.ofSeconds(max));
        } catch (IllegalArgumentException e) {
            LOGGER.warn("Ignoring saved polling intervals {} s and {} s: {}", first, max, e.getMessage());
            return PollingOptions.DEFAULTS;
        }
    }

    public void setPolling(PollingOptions polling) {
        node.putLong(POLL_FIRST_SECONDS, polling.first().toSeconds());
        node.putLong(POLL_MAX_SECONDS, polling.max().toSeconds());
        changed(POLL_FIRST_SECONDS);
        changed(POLL_MAX_SECONDS);
    }

    /** Returns whether desktop notifications show job outcomes; true unless switched off. */
    public boolean notificationsEnabled() {
        return node.getBoolean(NOTIFICATIONS, true);
    }

    public void setNotificationsEnabled(boolean enabled) {
        node.putBoolean(NOTIFICATIONS, enabled);
        changed(NOTIFICATIONS);
    }

    /**
     * Returns whether the user allowed plain {@code http://} for this server URL. Loopback
     * servers need no such permission, and the caller applies that rule.
     */
    public boolean isInsecureAllowed(String serverUrl) {
        return new LinkedHashSet<>(readList(INSECURE_SERVERS)).contains(serverUrl);
    }

    public void setInsecureAllowed(String serverUrl, boolean allowed) {
        Set<String> servers = new LinkedHashSet<>(readList(INSECURE_SERVERS));
        boolean changed = allowed
                ? servers.add(requireSingleLine(serverUrl, "server URL"))
                : servers.remove(serverUrl);
        if (changed) {
            writeList(INSECURE_SERVERS, new ArrayList<>(servers));
        }
    }

    /** Writes pending changes to the backing store, logging a failure instead of throwing. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOGGER.warn("Could not save the settings to {}", node.absolutePath(), e);
        }
    }

    private List<String> readList(String key) {
        String value = node.get(key, "");
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(LIST_SEPARATOR)) {
            if (!entry.isBlank() && !entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return List.copyOf(entries);
    }

    private void writeList(String key, List<String> entries) {
        put(key, String.join(LIST_SEPARATOR, entries));
    }

    private void put(String key, String value) {
        if (value.length() > Preferences.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("Setting " + key + " is too long: " + value.length()
                    + " characters, at most " + Preferences.MAX_VALUE_LENGTH);
        }
        try {
            node.put(key, value);
        } catch (IllegalStateException e) {
            // The node was removed, by a test or another tool; the value cannot be kept.
            LOGGER.warn("Could not save setting {}: node {} was removed", key, node.absolutePath());
            return;
        }
        changed(key);
    }

    private void changed(String key) {
        for (Consumer<String> listener : listeners) {
            listener.accept(key);
        }
    }

    /** Joins URL and email with a space, which neither may contain. */
    private static String rememberedEntry(String serverUrl, String email) {
        String url = requireSingleLine(serverUrl, "server URL");
        String address = requireSingleLine(email, "email");
        if (url.contains(" ") || address.contains(" ")) {
            throw new IllegalArgumentException("Invalid remembered account '" + url + "', '"
                    + address + "': neither may contain a space");
        }
        return url + " " + address;
    }

    private static String requireSingleLine(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value
                    + "': expected one non-empty line");
        }
        return value;
    }
}
