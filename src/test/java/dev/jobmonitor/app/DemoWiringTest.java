package dev.jobmonitor.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWiringTest {
    @TempDir
    Path dataDir;

    @Test
    void earlierDemoRunsAreForgotten() throws IOException {
        // given an earlier demo run's account and a real server's account
        Path demoAccount = dataDir.resolve("accounts").resolve("embedded-demo-0123456789ab");
        Path realAccount = dataDir.resolve("accounts").resolve("api.example.com-ba9876543210");
        Files.createDirectories(demoAccount);
        Files.createDirectories(realAccount);
        Files.writeString(demoAccount.resolve("known-jobs.json"), "{\"jobs\":[]}");
        Files.writeString(realAccount.resolve("known-jobs.json"), "{\"jobs\":[]}");

        // when
        DemoWiring.forgetEarlierRuns(dataDir);

        // then
        assertFalse(Files.exists(demoAccount), "the demo account folder is gone");
        assertTrue(Files.exists(realAccount.resolve("known-jobs.json")), "other accounts stay");
    }

    @Test
    void missingDataFolderIsFine() {
        DemoWiring.forgetEarlierRuns(dataDir.resolve("never-created"));

        assertFalse(Files.exists(dataDir.resolve("never-created")));
    }
}
