package dev.jobmonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.WatchPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console watch mode against the embedded demo backend. */
class WatchCommandTest {
    private static final double TIME_FACTOR = 0.02;

    @TempDir
    Path dataDir;

    private DemoBackend demo;
    private HttpClients clients;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void startDemo() throws Exception {
        demo = DemoBackend.start(DemoConfig.defaults().toBuilder().port(0).timeFactor(TIME_FACTOR)
                .profile(ProgressProfile.DOCUMENTED).autoJobs(false).build());
        clients = new HttpClients();
    }

    @AfterEach
    void stopDemo() {
        clients.close();
        demo.close();
    }

    @Test
    void succeedingJobExitsZero() {
        String jobId = newJob(JobOutcome.SUCCESS);

        int code = command().run(demo.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD.toCharArray(), jobId);

        assertEquals(0, code);
        String printed = printed();
        assertTrue(printed.contains("generating"), printed);
        assertTrue(printed.lines().anyMatch(line -> line.contains("100%") && line.endsWith("Succeeded")),
                printed);
    }

    @Test
    void failingJobExitsOne() {
        int code = command().run(demo.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD.toCharArray(), newJob(JobOutcome.JOB_FAILURE));

        assertEquals(1, code);
        assertTrue(printed().contains("Failed: Connection terminated unexpectedly"), printed());
    }

    @Test
    void partlyFailedJobExitsOne() {
        int code = command().run(demo.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD.toCharArray(), newJob(JobOutcome.PARTIAL_FAILURE));

        assertEquals(1, code);
    }

    @Test
    void wrongPasswordExitsTwo() {
        int code = command().run(demo.baseUrl(), DemoBackend.DEMO_EMAIL, "wrong".toCharArray(),
                newJob(JobOutcome.SUCCESS));

        assertEquals(2, code);
        assertTrue(printed().contains("Invalid email or password"), printed());
    }

    @Test
    void launcherWatchWithPasswordFileExitsZero() throws Exception {
        Path passwordFile = dataDir.resolve("password.txt");
        Files.writeString(passwordFile, DemoBackend.DEMO_PASSWORD + "\n");
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        int code = Launcher.run(new String[] {"--watch", newJob(JobOutcome.SUCCESS),
            "--server", demo.baseUrl(), "--email", DemoBackend.DEMO_EMAIL,
            "--password-file", passwordFile.toString(), "--data-dir", dataDir.toString()}, out, out);

        assertEquals(0, code);
    }

    /**
     * 0.0.0.0 is not loopback, so plain HTTP to it needs --allow-http, yet a connection to it
     * stays on this machine and reaches the demo backend on 127.0.0.1.
     */
    @Test
    void launcherRefusesPlainHttpElsewhere() throws Exception {
        Path passwordFile = dataDir.resolve("password.txt");
        Files.writeString(passwordFile, DemoBackend.DEMO_PASSWORD + "\n");
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        String server = demo.baseUrl().replace("127.0.0.1", "0.0.0.0");

        int code = Launcher.run(new String[] {"--watch", newJob(JobOutcome.SUCCESS),
            "--server", server, "--email", DemoBackend.DEMO_EMAIL,
            "--password-file", passwordFile.toString(), "--data-dir", dataDir.toString()}, out, out);

        assertEquals(2, code);
        assertTrue(printed().contains("Refusing plain http:// to 0.0.0.0: the password and tokens"
                + " would cross the network unencrypted."), printed());
        assertTrue(printed().contains("--allow-http"), printed());
    }

    @Test
    void launcherAllowsPlainHttpWithOption() throws Exception {
        Path passwordFile = dataDir.resolve("password.txt");
        Files.writeString(passwordFile, DemoBackend.DEMO_PASSWORD + "\n");
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        String server = demo.baseUrl().replace("127.0.0.1", "0.0.0.0");

        int code = Launcher.run(new String[] {"--watch", newJob(JobOutcome.SUCCESS),
            "--server", server, "--allow-http", "--email", DemoBackend.DEMO_EMAIL,
            "--password-file", passwordFile.toString(), "--data-dir", dataDir.toString()}, out, out);

        assertEquals(0, code, printed());
    }

    @Test
    void launcherRejectsUnknownOption() {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        assertEquals(2, Launcher.run(new String[] {"--frobnicate"}, out, out));
        assertTrue(printed().contains("Unknown option --frobnicate"), printed());
    }

    @Test
    void unknownJobExitsTwoAtOnce() {
        int code = command().run(demo.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD.toCharArray(), "11111111-2222-3333-4444-555555555555");

        assertEquals(2, code);
        assertTrue(printed().contains("not found"), printed());
    }

    @Test
    void launcherRejectsMalformedJobId() {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        int code = Launcher.run(new String[] {"--watch", "not-a-uuid", "--server", demo.baseUrl(),
            "--email", DemoBackend.DEMO_EMAIL, "--password-file", "unused"}, out, out);

        assertEquals(2, code);
        assertTrue(printed().contains("Invalid job id 'not-a-uuid'"), printed());
    }

    @Test
    void launcherRejectsUnknownScenario() {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        int code = Launcher.run(new String[] {"--watch", "demo-success", "--scenario", "nonsense",
            "--data-dir", dataDir.toString()}, out, out);

        assertEquals(2, code);
        assertTrue(printed().contains("Unknown scenario 'nonsense'; expected one of: none,"), printed());
    }

    @Test
    void helpListsEveryOption() {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        assertEquals(0, Launcher.run(new String[] {"--help"}, out, out));
        for (String option : List.of("--server", "--email", "--password-file", "--watch",
                "--demo-server", "--port", "--profile", "--time-factor", "--rate-limit", "--data-dir",
                "--scenario", "--allow-http")) {
            assertTrue(printed().contains(option), option);
        }
    }

    private String newJob(JobOutcome outcome) {
        String audience = demo.createAudience(DemoBackend.DEMO_EMAIL, false);
        return demo.createJob(List.of(audience), outcome, ProgressProfile.DOCUMENTED);
    }

    private WatchCommand command() {
        DefaultSignInService signIn = new DefaultSignInService(clients, dataDir, Clock.systemUTC(),
                WatchPolicy.defaults().scaled(TIME_FACTOR), (server, email) -> List.of());
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return new WatchCommand(signIn, out, out, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
