package dev.jobmonitor.watch;

import dev.jobmonitor.about.AppInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The diagnostic summary that support staff ask for: app and version, platform, Java and
 * JavaFX, the servers signed in to, the data and log folders, and the recent WARN and ERROR
 * log lines. Secrets are replaced throughout, because users paste it into tickets.
 */
public final class Diagnostics {
    private static final Logger LOGGER = LoggerFactory.getLogger(Diagnostics.class);
    private final String appName;
    private final Supplier<String> version;
    private final Path dataFolder;
    private final Path logFolder;
    private final Supplier<List<String>> recentProblems;

    /**
     * Creates the summary's source.
     *
     * @param appName        the product name
     * @param version        the version, read when a summary is made, so a later source (such
     *                       as the packaged build's metadata) can be passed in
     * @param dataFolder     the folder of the app's data
     * @param logFolder      the folder of the log files
     * @param recentProblems the latest WARN and ERROR log lines, oldest first
     */
    public Diagnostics(String appName, Supplier<String> version, Path dataFolder, Path logFolder,
                       Supplier<List<String>> recentProblems) {
        this.appName = Objects.requireNonNull(appName, "appName");
        this.version = Objects.requireNonNull(version, "version");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.logFolder = Objects.requireNonNull(logFolder, "logFolder");
        this.recentProblems = Objects.requireNonNull(recentProblems, "recentProblems");
    }

    /** Returns a source with the build's version and the lines of {@link RecentLogLines}. */
    public static Diagnostics forApp(String appName, Path dataFolder) {
        return new Diagnostics(appName, Diagnostics::buildVersion, dataFolder, LogFiles.folder(),
                () -> RecentLogLines.find().map(RecentLogLines::lines).orElse(List.of()));
    }

    /**
     * Returns the version pom.xml gave this build, or "unknown version" when the build did not
     * fill it in (a class folder compiled without Maven).
     */
    public static String buildVersion() {
        try {
            return AppInfo.load().version();
        } catch (IllegalStateException e) {
            LOGGER.warn("Could not read the app version", e);
            return "unknown version";
        }
    }

    public Path logFolder() {
        return logFolder;
    }

    /** Returns the summary as plain text, one fact per line, for the servers given. */
    public String summary(List<String> serverUrls) {
        StringBuilder text = new StringBuilder();
        line(text, appName + " " + version.get());
        line(text, "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")");
        line(text, "Java: " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ", " + System.getProperty("java.vm.name")
                + ")");
        // The JavaFX runtime sets this property when its toolkit starts.
        line(text, "JavaFX: " + System.getProperty("javafx.runtime.version", "not started"));
        line(text, "Servers: " + (serverUrls.isEmpty() ? "none signed in"
                : String.join(", ", serverUrls)));
        line(text, "Data folder: " + dataFolder);
        line(text, "Log folder: " + logFolder);
        List<String> problems = recentProblems.get();
        line(text, "");
        line(text, problems.isEmpty() ? "No recent warnings or errors."
                : "Recent warnings and errors (" + problems.size() + "):");
        problems.forEach(problem -> line(text, problem));
        return SecretScrubber.scrub(text.toString());
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(System.lineSeparator());
    }
}
