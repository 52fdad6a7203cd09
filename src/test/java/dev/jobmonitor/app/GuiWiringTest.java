package dev.jobmonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jobmonitor.settings.MemoryPreferences;
import dev.jobmonitor.settings.PollingOptions;
import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.watch.WatchPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GuiWiringTest {
    @Test
    void nextSignInUsesSavedPolling() {
        Settings settings = new Settings(new MemoryPreferences());
        assertEquals(WatchPolicy.defaults(), GuiWiring.watchPolicy(settings, null));

        settings.setPolling(new PollingOptions(Duration.ofSeconds(7), Duration.ofSeconds(120)));

        WatchPolicy policy = GuiWiring.watchPolicy(settings, null);
        assertEquals(Duration.ofSeconds(7), policy.pollInitial());
        assertEquals(Duration.ofSeconds(120), policy.pollMax());
        assertEquals(WatchPolicy.defaults().reconnectMax(), policy.reconnectMax());
    }
}
