package dev.jobmonitor.ui.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.NetworkException;
import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.api.model.User;
import dev.jobmonitor.settings.MemoryPreferences;
import dev.jobmonitor.settings.RememberedAccount;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeSignInService;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.watch.AccountSession;
import java.net.ConnectException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in form with the user's settings: recent servers and last email, consent to plain
 * HTTP per server, and "Keep me signed in" with a fake credential store.
 */
@ExtendWith(ApplicationExtension.class)
class SignInSettingsTest {
    /** The URL of every {@link FakeAccountSession}. */
    private static final String SESSION_URL = "http://127.0.0.1:8080";
    private static final String EMAIL = "dana@example.test";

    private final Settings settings = new Settings(new MemoryPreferences());
    private FakeSignInService signIn = new FakeSignInService();
    private Stage stage;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @Test
    void recentServerAndLastEmailPrefillForm(FxRobot robot) {
        // given
        settings.rememberServer("https://a.example");
        settings.rememberServer("https://b.example");
        settings.setLastEmail(EMAIL);

        // when
        show(robot, null, null);

        // then
        assertEquals("https://b.example", field(robot, "#serverUrlField").getText());
        assertEquals(EMAIL, field(robot, "#emailField").getText());
        MenuButton recent = robot.lookup("#recentServersButton").queryAs(MenuButton.class);
        assertTrue(recent.isVisible());
        assertEquals(List.of("https://b.example", "https://a.example"),
                recent.getItems().stream().map(MenuItem::getText).toList());
    }

    @Test
    void recentServerMenuFillsField(FxRobot robot) {
        // given
        settings.rememberServer("https://a.example");
        settings.rememberServer("https://b.example");
        show(robot, null, null);

        // when
        robot.clickOn("#recentServersButton").clickOn("https://a.example");

        // then
        assertEquals("https://a.example", field(robot, "#serverUrlField").getText());
    }

    @Test
    void noRecentServersHidesMenu(FxRobot robot) {
        show(robot, null, null);

        assertFalse(robot.lookup("#recentServersButton").query().isVisible());
        assertEquals("", field(robot, "#serverUrlField").getText());
        assertEquals("", field(robot, "#emailField").getText());
    }

    @Test
    void launcherValuesWinOverSettings(FxRobot robot) {
        // given
        settings.rememberServer("https://a.example");
        settings.setLastEmail("old@example.test");

        // when
        show(robot, "https://cli.example", "cli@example.test");

        // then
        assertEquals("https://cli.example", field(robot, "#serverUrlField").getText());
        assertEquals("cli@example.test", field(robot, "#emailField").getText());
    }

    @Test
    void successRemembersServerAndEmail(FxRobot robot) throws TimeoutException {
        // given
        show(robot, null, null);
        fillForm(robot, "http://127.0.0.1:8080/", EMAIL);

        // when
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);
        completeInBackground(signIn.lastCall().result());

        // then
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        assertEquals(List.of(SESSION_URL), settings.recentServers());
        assertEquals(Optional.of(EMAIL), settings.lastEmail());
        assertEquals(List.of(), settings.rememberedAccounts());
    }

    @Test
    void failedSignInRemembersNothing(FxRobot robot) throws TimeoutException {
        // given
        show(robot, null, null);
        fillForm(robot, "https://a.example", EMAIL);

        // when
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);
        CompletableFuture.runAsync(() -> signIn.lastCall().result().completeExceptionally(
                new UnauthorizedException("Invalid credentials", "Invalid credentials")));

        // then
        waitUntil(() -> !label(robot, "#errorLabel").getText().isEmpty());
        assertEquals(List.of(), settings.recentServers());
        assertEquals(Optional.empty(), settings.lastEmail());
    }

    @Test
    void plainHttpElsewhereNeedsConsent(FxRobot robot) throws TimeoutException {
        // given
        show(robot, null, null);

        // when
        fillForm(robot, "http://10.0.0.5:8080", EMAIL);

        // then the form explains the risk and keeps Sign in disabled
        assertTrue(robot.lookup("#plainHttpBox").queryAs(VBox.class).isVisible());
        assertTrue(label(robot, "#plainHttpWarningLabel").getText()
                .contains("Passwords and tokens would cross the network unencrypted"));
        CheckBox allow = checkBox(robot, "#allowPlainHttpCheckBox");
        assertEquals("Allow unencrypted HTTP for 10.0.0.5", allow.getText());
        assertFalse(allow.isSelected());
        assertTrue(signInButton(robot).isDisabled());

        // when the user allows it and signs in
        robot.clickOn("#allowPlainHttpCheckBox");
        assertFalse(signInButton(robot).isDisabled());
        robot.clickOn("#signInButton");

        // then
        waitUntil(() -> signIn.calls().size() == 1);
        assertEquals("http://10.0.0.5:8080", signIn.lastCall().serverUrl());
        assertTrue(settings.isInsecureAllowed("http://10.0.0.5:8080"));
    }

    @Test
    void plainHttpConsentIsPerServer(FxRobot robot) {
        // given
        settings.setInsecureAllowed("http://10.0.0.5:8080", true);
        show(robot, null, null);

        // when
        fillForm(robot, "http://10.0.0.5:8080/", EMAIL);

        // then
        assertTrue(checkBox(robot, "#allowPlainHttpCheckBox").isSelected());
        assertFalse(signInButton(robot).isDisabled());

        // when
        robot.interact(() -> field(robot, "#serverUrlField").setText("http://10.0.0.6:8080"));

        // then
        assertFalse(checkBox(robot, "#allowPlainHttpCheckBox").isSelected());
        assertEquals("Allow unencrypted HTTP for 10.0.0.6",
                checkBox(robot, "#allowPlainHttpCheckBox").getText());
        assertTrue(signInButton(robot).isDisabled());
    }

    @Test
    void clearingConsentTakesItBack(FxRobot robot) {
        // given
        settings.setInsecureAllowed("http://10.0.0.5:8080", true);
        show(robot, null, null);
        fillForm(robot, "http://10.0.0.5:8080", EMAIL);

        // when
        robot.clickOn("#allowPlainHttpCheckBox");

        // then
        assertFalse(settings.isInsecureAllowed("http://10.0.0.5:8080"));
        assertTrue(signInButton(robot).isDisabled());
    }

    @Test
    void loopbackAndHttpsNeedNoConsent(FxRobot robot) {
        show(robot, null, null);

        for (String url : List.of("http://LOCALHOST:8080", "http://127.1.2.3", "http://[::1]:8080",
                "https://example.com")) {
            fillForm(robot, url, EMAIL);
            assertFalse(robot.lookup("#plainHttpBox").query().isVisible(), url);
            assertFalse(signInButton(robot).isDisabled(), url);
        }
    }

    @Test
    void rememberHiddenWithoutKeyring(FxRobot robot) {
        show(robot, null, null);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(checkBox(robot, "#rememberMeCheckBox").isVisible());
    }

    @Test
    void rememberedSignInIsPassedOnAndListed(FxRobot robot) throws TimeoutException {
        // given
        signIn = new FakeSignInService().offerRemember();
        show(robot, null, null);
        waitUntil(() -> checkBox(robot, "#rememberMeCheckBox").isVisible());
        fillForm(robot, SESSION_URL, "Dana@Example.test");

        // when
        robot.clickOn("#rememberMeCheckBox").clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);
        completeInBackground(signIn.lastCall().result());

        // then
        assertTrue(signIn.lastCall().remember());
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        assertEquals(List.of(new RememberedAccount(SESSION_URL, EMAIL)),
                settings.rememberedAccounts());
    }

    @Test
    void rememberedAccountSignsInAtStart(FxRobot robot) throws TimeoutException {
        // given
        signIn = new FakeSignInService().offerRemember();
        settings.addRememberedAccount(SESSION_URL, EMAIL);

        // when
        show(robot, null, null);

        // then
        waitUntil(() -> signIn.resumes().size() == 1);
        assertEquals(SESSION_URL, signIn.resumes().get(0).serverUrl());
        assertEquals(EMAIL, signIn.resumes().get(0).email());
        assertEquals("Signing in as " + EMAIL + "\u2026", label(robot, "#statusLabel").getText());
        completeInBackground(signIn.resumes().get(0).result());
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        assertEquals(List.of(), signIn.calls());
    }

    @Test
    void everyRememberedAccountSignsInAtStart(FxRobot robot) throws TimeoutException {
        // given two kept accounts on two servers
        String otherUrl = "http://127.0.0.2:8080";
        signIn = new FakeSignInService().offerRemember();
        settings.addRememberedAccount(otherUrl, "lee@example.test");
        settings.addRememberedAccount(SESSION_URL, EMAIL);

        // when the window starts and the first saved sign-in succeeds
        show(robot, null, null);
        waitUntil(() -> signIn.resumes().size() == 1);
        CompletableFuture<AccountSession> first = signIn.resumes().get(0).result();
        CompletableFuture.runAsync(() -> first.complete(new FakeAccountSession(
                URI.create(signIn.resumes().get(0).serverUrl()),
                new User("user-1", signIn.resumes().get(0).email(), "Dana", "Demo", "Org"))));

        // then the other kept account signs in too, and both are in the window
        waitUntil(() -> signIn.resumes().size() == 2);
        FakeSignInService.AccountCall second = signIn.resumes().get(1);
        assertTrue(!second.serverUrl().equals(signIn.resumes().get(0).serverUrl()),
                "the second resume is for the other account: " + second);
        CompletableFuture.runAsync(() -> second.result().complete(new FakeAccountSession(
                URI.create(second.serverUrl()),
                new User("user-2", second.email(), "Lee", "Example", "Org"))));
        waitUntil(() -> robot.lookup("#accountComboBox").tryQuery().isPresent()
                && robot.lookup("#accountComboBox").queryAs(ComboBox.class).getItems().size() == 2);
        assertEquals(List.of(), signIn.calls());
    }

    @Test
    void rejectedSavedSignInShowsForm(FxRobot robot) throws TimeoutException {
        // given
        signIn = new FakeSignInService().offerRemember();
        settings.addRememberedAccount(SESSION_URL, EMAIL);
        show(robot, null, null);
        waitUntil(() -> signIn.resumes().size() == 1);

        // when
        CompletableFuture.runAsync(() -> signIn.resumes().get(0).result().completeExceptionally(
                new UnauthorizedException("Invalid refresh token", "Invalid refresh token")));

        // then
        waitUntil(() -> ("Your saved sign-in for " + EMAIL + " is no longer valid. Sign in again.")
                .equals(label(robot, "#errorLabel").getText()));
        assertEquals(List.of(), settings.rememberedAccounts());
        assertEquals(SESSION_URL, field(robot, "#serverUrlField").getText());
        assertEquals(EMAIL, field(robot, "#emailField").getText());
        waitUntil(() -> field(robot, "#passwordField").isFocused());
        assertFalse(label(robot, "#statusLabel").isVisible());
    }

    @Test
    void unreachableServerKeepsSavedSignIn(FxRobot robot) throws TimeoutException {
        // given
        signIn = new FakeSignInService().offerRemember();
        settings.addRememberedAccount(SESSION_URL, EMAIL);
        show(robot, null, null);
        waitUntil(() -> signIn.resumes().size() == 1);

        // when
        CompletableFuture.runAsync(() -> signIn.resumes().get(0).result().completeExceptionally(
                new NetworkException("Connection refused", new ConnectException("refused"))));

        // then
        waitUntil(() -> label(robot, "#errorLabel").getText().startsWith("Cannot reach"));
        assertEquals(List.of(new RememberedAccount(SESSION_URL, EMAIL)),
                settings.rememberedAccounts());
    }

    @Test
    void signOutForgetsRememberedAccount(FxRobot robot) throws TimeoutException {
        // given
        signIn = new FakeSignInService().offerRemember();
        settings.addRememberedAccount(SESSION_URL, "demo@example.test");
        show(robot, null, null);
        waitUntil(() -> signIn.resumes().size() == 1);
        completeInBackground(signIn.resumes().get(0).result());
        waitUntil(() -> robot.lookup("#signOutButton").tryQuery().isPresent());

        // when
        robot.clickOn("#signOutButton");

        // then
        waitUntil(() -> robot.lookup("#serverUrlField").tryQuery().isPresent());
        assertEquals(1, signIn.forgotten().size());
        assertEquals(SESSION_URL, signIn.forgotten().get(0).serverUrl());
        assertEquals("demo@example.test", signIn.forgotten().get(0).email());
        assertEquals(List.of(), settings.rememberedAccounts());
        assertEquals(1, signIn.resumes().size(), "no second automatic sign-in");
    }

    @Test
    void demoBackendNeitherRemembersNorResumes(FxRobot robot) throws TimeoutException {
        // given
        signIn = new FakeSignInService().offerRemember();
        settings.addRememberedAccount(SESSION_URL, EMAIL);
        UiOptions demo = new UiOptions(signIn, SESSION_URL, EMAIL, "demo1234",
                "Demo backend running at " + SESSION_URL,
                new MutableClock(Instant.parse("2026-12-04T10:00:00Z")), settings);

        // when
        robot.interact(() -> MainWindow.show(stage, demo));
        robot.clickOn("#signInButton");
        waitUntil(() -> signIn.calls().size() == 1);
        completeInBackground(signIn.lastCall().result());

        // then
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        assertEquals(List.of(), signIn.resumes());
        assertFalse(signIn.lastCall().remember());
        assertEquals(List.of(), settings.recentServers());
    }

    private void show(FxRobot robot, String serverUrl, String email) {
        UiOptions options = new UiOptions(signIn, serverUrl, email, null, null,
                new MutableClock(Instant.parse("2026-12-04T10:00:00Z")), settings);
        robot.interact(() -> MainWindow.show(stage, options));
    }

    private static void fillForm(FxRobot robot, String serverUrl, String email) {
        robot.interact(() -> {
            field(robot, "#serverUrlField").setText(serverUrl);
            field(robot, "#emailField").setText(email);
            field(robot, "#passwordField").setText("secret");
        });
    }

    private static void completeInBackground(CompletableFuture<dev.jobmonitor.watch.AccountSession> result) {
        CompletableFuture.runAsync(() -> result.complete(new FakeAccountSession()));
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TextField field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static CheckBox checkBox(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(CheckBox.class);
    }

    private static Button signInButton(FxRobot robot) {
        return robot.lookup("#signInButton").queryAs(Button.class);
    }
}
