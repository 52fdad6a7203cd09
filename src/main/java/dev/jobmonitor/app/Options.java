package dev.jobmonitor.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The command-line options of Job Monitor, parsed once by {@link #parse(String[])}. */
public final class Options {
    static final String USAGE = String.join("\n",
            "Usage: job-monitor [options]",
            "",
            "With no options, opens the window and starts the embedded demo backend on 127.0.0.1.",
            "",
            "Options:",
            "  --server URL          backend base URL, e.g. https://api.example.com; without it the",
            "                        embedded demo backend is started and used",
            "  --email EMAIL         account email (prefilled in the window; required by --watch",
            "                        with --server)",
            "  --password-file FILE  file whose first line is the password (for --watch)",
            "  --allow-http          with --watch: allow a plain http:// --server other than",
            "                        localhost, 127.0.0.0/8 or ::1, sending the password and",
            "                        tokens unencrypted",
            "  --watch JOB_ID        no window: print one line per update of the job and exit with",
            "                        0 when it succeeded, 1 when it failed or partly failed, 2 on a",
            "                        usage, sign-in or connection error. With the demo backend,",
            "                        JOB_ID may be demo-success or demo-failure to start such a job",
            "  --give-up-after SECS  with --watch: exit 2 after this many seconds without reaching",
            "                        the server (default 120)",
            "  --demo-server         run only the demo backend, logging each request and job",
            "                        transition, until interrupted",
            "  --port N              demo backend port (default: a free port; 8080 with",
            "                        --demo-server)",
            "  --profile NAME        demo progress profile: documented (default) or current",
            "  --time-factor X       demo speed: every demo interval is multiplied by X (default 1)",
            "  --rate-limit          demo backend enforces the real budget of 200 requests per",
            "                        15 minutes per IP",
            "  --scenario NAME       demo faults from the start: none (default), flaky-streams,",
            "                        slow-status, rate-limited, quirky or chaos",
            "  --data-dir DIR        folder for the known-jobs list (default: the user's app-data",
            "                        folder)",
            "  --smoke-test          open the window with the embedded demo backend, sign in with",
            "                        the demo account and exit 0 once the first frame is shown and",
            "                        the jobs table has a row, or exit 1 after 60 seconds",
            "  --version             print the app name and version and exit",
            "  --help                print this help and exit");

    private static final Set<String> VALUE_OPTIONS = Set.of("--server", "--email",
            "--password-file", "--watch", "--give-up-after", "--port", "--profile", "--time-factor",
            "--data-dir", "--scenario");

    String server;
    String email;
    Path passwordFile;
    String watchJobId;
    long giveUpAfterSeconds = 120;
    boolean demoServer;
    Integer port;
    String profile = "documented";
    double timeFactor = 1.0;
    boolean rateLimit;
    boolean allowHttp;
    String scenario = "none";
    Path dataDir;
    boolean help;
    boolean version;
    boolean smokeTest;
    final List<String> unknown = new ArrayList<>();

    private Options() {
    }

    /** Parses {@code args}; throws {@link UsageException} with a message for bad input. */
    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help":
                case "-h":
                    options.help = true;
                    break;
                case "--demo-server":
                    options.demoServer = true;
                    break;
                case "--rate-limit":
                    options.rateLimit = true;
                    break;
                case "--allow-http":
                    options.allowHttp = true;
                    break;
                case "--version":
                    options.version = true;
                    break;
                case "--smoke-test":
                    options.smokeTest = true;
                    break;
                default:
                    if (!VALUE_OPTIONS.contains(name)) {
                        throw new UsageException(name.startsWith("-")
                                ? "Unknown option " + name + "; see --help"
                                : "Unexpected argument '" + name + "'; see --help");
                    }
                    String value = inline != null ? inline : valueAfter(args, i, name);
                    if (inline == null) {
                        i++;
                    }
                    options.set(name, value);
            }
        }
        return options;
    }

    private void set(String name, String value) {
        switch (name) {
            case "--server":
                server = value;
                break;
            case "--email":
                email = value;
                break;
            case "--password-file":
                passwordFile = Path.of(value);
                break;
            case "--watch":
                watchJobId = value.trim();
                break;
            case "--give-up-after":
                giveUpAfterSeconds = parseLong(name, value, 1);
                break;
            case "--port":
                port = (int) parseLong(name, value, 0);
                if (port > 65535) {
                    throw new UsageException("Invalid --port " + value + ": use 0 to 65535");
                }
                break;
            case "--profile":
                profile = value.toLowerCase(Locale.ROOT);
                break;
            case "--time-factor":
                timeFactor = parseFactor(value);
                break;
            case "--data-dir":
                dataDir = Path.of(value);
                break;
            case "--scenario":
                scenario = value.trim();
                break;
            default:
                throw new UsageException("Unknown option " + name + "; see --help");
        }
    }

    private static String valueAfter(String[] args, int index, String name) {
        if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
            throw new UsageException("Missing value for " + name + "; see --help");
        }
        return args[index + 1];
    }

    private static long parseLong(String name, String value, long min) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min) {
                throw new UsageException("Invalid " + name + " " + value + ": must be at least " + min);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid " + name + " '" + value + "': expected a whole number");
        }
    }

    private static double parseFactor(String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!(parsed > 0) || Double.isInfinite(parsed)) {
                throw new UsageException("Invalid --time-factor " + value + ": must be above 0");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid --time-factor '" + value + "': expected a number such as 0.1");
        }
    }

    /** A command line that cannot be run; the message names the option to change. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
