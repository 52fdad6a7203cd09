package dev.jobmonitor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.settings.RememberedAccount;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.watch.CredentialStore;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.InMemoryCredentialStore;
import dev.jobmonitor.watch.WatchPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Keep me signed in" with the real client core against the embedded demo backend, a credential
 * store in memory standing in for the keyring, and settings in a real preferences node.
 */
@ExtendWith(ApplicationExtension.class)
class KeptSignInAgainstDemoTest {
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dataDir;

    private final HttpClients clients = new HttpClients();
    private final InMemoryCredentialStore store = new InMemoryCredentialStore();
    private Preferences node;
    private Settings settings;
    private DemoBackend backend;
    private Stage stage;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @BeforeEach
    void startBackend() throws IOException {
        node = Preferences.userRoot().node("/dev/jobmonitor-test/" + UUID.randomUUID());
        settings = new Settings(node);
        backend = DemoBackend.start(DemoConfig.defaults().toBuilder().port(0).seedData(false)
                .autoJobs(false).build());
    }

    @AfterEach
    void closeWindowAndBackend(FxRobot robot) throws BackingStoreException {
        robot.interact(stage::hide);
        clients.close();
        backend.close();
        node.removeNode();
    }

    @Test
    void keptSignInSignsInAtNextStart(FxRobot robot) throws TimeoutException {
        // given a remembered sign-in in a first window
        openWindow(robot, DemoBackend.DEMO_PASSWORD);
        waitUntil(() -> robot.lookup("#rememberMeCheckBox").query().isVisible());
        robot.clickOn("#rememberMeCheckBox").clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        waitUntil(() -> store.tokens().size() == 1);
        robot.interact(stage::hide);

        // when the window opens again, without a password
        openWindow(robot, null);

        // then
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        assertEquals(List.of(new RememberedAccount(backend.baseUrl(), DemoBackend.DEMO_EMAIL)),
                settings.rememberedAccounts());
        assertTrue(store.savedTokens().size() >= 2, "resuming saves the rotated token");
        assertEquals(1, store.tokens().size());
    }

    @Test
    void noTokenInFilesOrPreferences(FxRobot robot) throws Exception {
        // given
        openWindow(robot, DemoBackend.DEMO_PASSWORD);
        waitUntil(() -> robot.lookup("#rememberMeCheckBox").query().isVisible());

        // when
        robot.clickOn("#rememberMeCheckBox").clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        waitUntil(() -> store.tokens().size() == 1);
        settings.flush();

        // then
        String token = store.tokens().values().iterator().next();
        assertFalse(token.isBlank());
        assertEquals(List.of(), filesContaining(token));
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        node.exportSubtree(exported);
        String preferences = exported.toString(StandardCharsets.UTF_8);
        assertTrue(preferences.contains(DemoBackend.DEMO_EMAIL), "the account is listed");
        assertFalse(preferences.contains(token), "refresh token in the preferences");
        assertFalse(preferences.contains(DemoBackend.DEMO_PASSWORD), "password in the preferences");
    }

    @Test
    void signOutDeletesKeptToken(FxRobot robot) throws TimeoutException {
        // given
        openWindow(robot, DemoBackend.DEMO_PASSWORD);
        waitUntil(() -> robot.lookup("#rememberMeCheckBox").query().isVisible());
        robot.clickOn("#rememberMeCheckBox").clickOn("#signInButton");
        waitUntil(() -> store.tokens().size() == 1);
        waitUntil(() -> robot.lookup("#signOutButton").tryQuery().isPresent());

        // when
        robot.clickOn("#signOutButton");

        // then
        waitUntil(() -> store.tokens().isEmpty());
        assertEquals(List.of(), settings.rememberedAccounts());
        assertTrue(robot.lookup("#serverUrlField").tryQuery().isPresent());
    }

    @Test
    void rejectedKeptTokenIsDeleted(FxRobot robot) throws TimeoutException {
        // given a remembered account whose token the server does not accept
        settings.addRememberedAccount(backend.baseUrl(), DemoBackend.DEMO_EMAIL);
        store.save(CredentialStore.accountKey(backend.baseUrl(), DemoBackend.DEMO_EMAIL),
                "not-a-valid-token");

        // when
        openWindow(robot, null);

        // then
        waitUntil(() -> robot.lookup("#errorLabel").queryLabeled().getText()
                .contains("is no longer valid"));
        waitUntil(() -> store.tokens().isEmpty());
        assertEquals(List.of(), settings.rememberedAccounts());
        assertTrue(robot.lookup("#passwordField").queryAs(PasswordField.class).isVisible());
    }

    /** Opens the window as the launcher does with --server and --email. */
    private void openWindow(FxRobot robot, String password) {
        DefaultSignInService signIn = new DefaultSignInService(clients, dataDir, Clock.systemUTC(),
                WatchPolicy.defaults(), (server, email) -> List.of())
                .rememberWith(CompletableFuture.completedFuture(store));
        UiOptions options = new UiOptions(signIn, backend.baseUrl(), DemoBackend.DEMO_EMAIL,
                password, null, Clock.systemDefaultZone(), settings);
        robot.interact(() -> MainWindow.show(stage, options));
    }

    private List<Path> filesContaining(String text) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> read(file).contains(text))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
