package dev.jobmonitor.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private Preferences node;
    private Settings settings;

    @BeforeEach
    void createNode() {
        node = Preferences.userRoot().node("/dev/jobmonitor-test/" + UUID.randomUUID());
        settings = new Settings(node);
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void recentServersNewestFirstWithoutDuplicates() {
        settings.rememberServer("https://a.example");
        settings.rememberServer("https://b.example");
        settings.rememberServer("https://a.example");

        assertEquals(List.of("https://a.example", "https://b.example"), settings.recentServers());
    }

    @Test
    void rememberedAccountsNewestFirst() {
        settings.addRememberedAccount("https://a.example", "ann@example.test");
        settings.addRememberedAccount("https://b.example", "bob@example.test");
        settings.addRememberedAccount("https://a.example", "ann@example.test");

        assertEquals(List.of(new RememberedAccount("https://a.example", "ann@example.test"),
                new RememberedAccount("https://b.example", "bob@example.test")),
                settings.rememberedAccounts());
    }

    @Test
    void removedAccountIsNoLongerRemembered() {
        settings.addRememberedAccount("https://a.example", "ann@example.test");
        settings.addRememberedAccount("https://a.example", "bob@example.test");

        settings.removeRememberedAccount("https://a.example", "ann@example.test");

        assertEquals(List.of(new RememberedAccount("https://a.example", "bob@example.test")),
                settings.rememberedAccounts());
    }

    @Test
    void rememberedAccountWithSpaceIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> settings.addRememberedAccount("https://a.example", "ann @example.test"));
        assertEquals(List.of(), settings.rememberedAccounts());
    }

    @Test
    void recentServersKeepTheNewestTen() {
        for (int i = 0; i < 12; i++) {
            settings.rememberServer("https://s" + i + ".example");
        }

        List<String> servers = settings.recentServers();
        assertEquals(Settings.MAX_RECENT_SERVERS, servers.size());
        assertEquals("https://s11.example", servers.get(0));
        assertFalse(servers.contains("https://s1.example"));
    }

    @Test
    void valuesSurviveANewSettingsObject() {
        settings.setLastEmail(" support@example.com ");
        settings.setWindowBounds("main", new WindowBounds(10, 20, 1300, 800, true));
        settings.setSplitPosition("main", 0.42);
        settings.setTableLayout("jobs", "job:90:true");
        settings.setTheme(Theme.DARK);
        settings.setPolling(new PollingOptions(Duration.ofSeconds(5), Duration.ofSeconds(60)));
        settings.setNotificationsEnabled(false);
        settings.setInsecureAllowed("http://intranet:8080", true);
        settings.flush();

        Settings reread = new Settings(Preferences.userRoot().node(node.absolutePath()));
        assertEquals(Optional.of("support@example.com"), reread.lastEmail());
        assertEquals(Optional.of(new WindowBounds(10, 20, 1300, 800, true)), reread.windowBounds("main"));
        assertEquals(OptionalDouble.of(0.42), reread.splitPosition("main"));
        assertEquals(Optional.of("job:90:true"), reread.tableLayout("jobs"));
        assertEquals(Theme.DARK, reread.theme());
        assertEquals(new PollingOptions(Duration.ofSeconds(5), Duration.ofSeconds(60)), reread.polling());
        assertFalse(reread.notificationsEnabled());
        assertTrue(reread.isInsecureAllowed("http://intranet:8080"));
        assertFalse(reread.isInsecureAllowed("http://other:8080"));
    }

    @Test
    void defaultsWhenNothingSaved() {
        assertEquals(List.of(), settings.recentServers());
        assertEquals(Optional.empty(), settings.lastEmail());
        assertEquals(Optional.empty(), settings.windowBounds("main"));
        assertEquals(Theme.LIGHT, settings.theme());
        assertEquals(PollingOptions.DEFAULTS, settings.polling());
        assertTrue(settings.notificationsEnabled());
    }

    @Test
    void unreadableValuesFallBackToDefaults() {
        node.put(Settings.THEME, "purple");
        node.put("window.main", "10,20,oops");
        node.put("split.main", "1.5");
        node.putLong(Settings.POLL_FIRST_SECONDS, 0);

        assertEquals(Theme.LIGHT, settings.theme());
        assertEquals(Optional.empty(), settings.windowBounds("main"));
        assertEquals(OptionalDouble.empty(), settings.splitPosition("main"));
        assertEquals(PollingOptions.DEFAULTS, settings.polling());
    }

    @Test
    void pollingRejectsOutOfRangeIntervals() {
        assertThrows(IllegalArgumentException.class,
                () -> new PollingOptions(Duration.ofSeconds(1), Duration.ofSeconds(15)));
        assertThrows(IllegalArgumentException.class,
                () -> new PollingOptions(Duration.ofSeconds(3), Duration.ofMinutes(6)));
        IllegalArgumentException firstAboveMax = assertThrows(IllegalArgumentException.class,
                () -> new PollingOptions(Duration.ofSeconds(30), Duration.ofSeconds(10)));
        assertTrue(firstAboveMax.getMessage().contains("must not be longer"), firstAboveMax.getMessage());
    }

    @Test
    void listenersHearEachChangedKey() {
        List<String> keys = new ArrayList<>();
        settings.addChangeListener(keys::add);

        settings.setTheme(Theme.DARK);
        settings.setNotificationsEnabled(false);

        assertEquals(List.of(Settings.THEME, Settings.NOTIFICATIONS), keys);
    }

    @Test
    void multiLineValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> settings.rememberServer("https://a\nb"));
        assertThrows(IllegalArgumentException.class, () -> settings.setLastEmail(" "));
    }

    @Test
    void memoryPreferencesKeepValuesWithoutSaving() {
        Settings inMemory = new Settings(new MemoryPreferences());

        inMemory.setTheme(Theme.DARK);
        inMemory.rememberServer("https://a.example");
        inMemory.flush();

        assertEquals(Theme.DARK, inMemory.theme());
        assertEquals(List.of("https://a.example"), inMemory.recentServers());
        assertEquals(Theme.LIGHT, settings.theme());
    }
}
