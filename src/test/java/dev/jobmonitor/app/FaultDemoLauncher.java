package dev.jobmonitor.app;

import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.RateLimit;
import dev.jobmonitor.demo.StreamFault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs the demo backend and the real app against it with {@code --server}, and applies demo
 * faults named on standard input, one per line, for screenshots of fault states:
 * <ul>
 *   <li>{@code expire}: every access and refresh token issued so far is rejected and the
 *   backend restarts, so the session expires</li>
 *   <li>{@code rate-limit}: three requests per minute, and every stream of the seed jobs closes
 *   after its snapshot, so the watches poll into the limit</li>
 *   <li>{@code clear}: no faults</li>
 * </ul>
 * The first argument is the folder for the known-jobs list. The seed jobs' ids are printed as
 * {@code seed <id>} lines; sign in as the demo user, whose password the app does not prefill.
 */
public final class FaultDemoLauncher {
    private FaultDemoLauncher() {
    }

    public static void main(String[] args) throws IOException {
        DemoBackend backend = DemoBackend.start(DemoConfig.defaults().toBuilder()
                .port(0).autoJobs(false).build());
        backend.seedJobIds().forEach(id -> System.out.println("seed " + id));
        System.out.flush();
        Launcher.main(new String[] {"--server", backend.baseUrl(), "--email",
                DemoBackend.DEMO_EMAIL, "--data-dir", args[0]});

        BufferedReader commands = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null) {
            apply(backend, command.trim());
        }
    }

    private static void apply(DemoBackend backend, String command) throws IOException {
        switch (command) {
            case "expire":
                backend.faults().invalidateAccessTokens();
                backend.faults().invalidateRefreshTokens();
                backend.restart();
                break;
            case "rate-limit":
                backend.faults().rateLimit(new RateLimit(3, Duration.ofMinutes(1)));
                for (String jobId : backend.seedJobIds()) {
                    backend.faults().onJob(jobId)
                            .streamFault(StreamFault.closeAfter(2).forStreams(1000));
                }
                backend.restart();
                break;
            case "clear":
                backend.faults().clear();
                break;
            default:
                System.out.println("Unknown command " + command
                        + "; use expire, rate-limit or clear");
        }
    }
}
