package dev.jobmonitor.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;

/**
 * The app's identity as pom.xml declares it: the build copies the POM's name, version,
 * organization name and description into {@code app.properties} beside this class, so the
 * window, {@code --version} and the installers show the same values.
 *
 * @param name        display name, such as "Job Monitor"
 * @param version     the Maven project version, such as "0.1.0"
 * @param vendor      the organization that publishes the app
 * @param description one sentence on what the app does
 */
public record AppInfo(String name, String version, String vendor, String description) {
    private static final String RESOURCE = "app.properties";

    public AppInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Reads the identity from the class path. Throws {@link IllegalStateException} when the
     * resource is missing or was not filtered, which only a broken build produces.
     */
    public static AppInfo load() {
        Properties properties = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not found beside " + AppInfo.class);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new AppInfo(required(properties, "name"), required(properties, "version"),
                required(properties, "vendor"), required(properties, "description"));
    }

    /** Returns the name and version as one line, such as "Job Monitor 0.1.0". */
    public String nameAndVersion() {
        return name + " " + version;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key, "").trim();
        if (value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " has no value for '" + key
                    + "': build with Maven, which fills it in from pom.xml");
        }
        return value;
    }
}
