package dev.jobmonitor.watch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Locations of Job Monitor's files: the user's app-data folder, per platform. */
public final class AppPaths {
    private AppPaths() {
    }

    /**
     * The default data folder: {@code %APPDATA%\JobMonitor} on Windows,
     * {@code ~/Library/Application Support/JobMonitor} on macOS, and
     * {@code $XDG_DATA_HOME/job-monitor} (default {@code ~/.local/share/job-monitor}) elsewhere.
     */
    public static Path defaultDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("JobMonitor");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("JobMonitor");
        }
        // The XDG Base Directory spec says to ignore a relative path in these variables.
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve("job-monitor");
    }

    /**
     * The folder of one account (server plus user): readable host and port, then a hash that
     * keeps accounts on the same host apart without putting the email in a path.
     */
    public static Path accountDir(Path dataDir, URI server, String userKey) {
        String host = server.getHost() == null ? "server" : server.getHost();
        int port = server.getPort();
        String readable = (host + (port > 0 ? "_" + port : "")).replaceAll("[^A-Za-z0-9._-]", "_");
        String identity = server.toString() + "\n" + userKey.toLowerCase(Locale.ROOT);
        return dataDir.resolve("accounts").resolve(readable + "-" + sha256(identity).substring(0, 12));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
