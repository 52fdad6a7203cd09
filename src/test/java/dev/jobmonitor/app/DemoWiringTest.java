package dev.jobmonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void earlierDemoDataIsRemoved() throws IOException {
        // given an earlier demo run's account and a real server's account
        Path demoAccount = dataDir.resolve("embedded-demo").resolve("accounts")
                .resolve("127.0.0.1_40000-0123456789ab");
        Path realAccount = dataDir.resolve("accounts").resolve("api.example.com-ba9876543210");
        Files.createDirectories(demoAccount);
        Files.createDirectories(realAccount);
        Files.writeString(demoAccount.resolve("known-jobs.json"), "{\"jobs\":[]}");
        Files.writeString(realAccount.resolve("known-jobs.json"), "{\"jobs\":[]}");

        // when
        Path demoDir = DemoWiring.freshDataDir(dataDir);

        // then
        assertEquals(dataDir.resolve("embedded-demo"), demoDir);
        assertFalse(Files.exists(demoDir), "the earlier demo data is gone");
        assertTrue(Files.exists(realAccount.resolve("known-jobs.json")), "other accounts stay");
    }

    @Test
    void missingDataFolderIsFine() {
        Path demoDir = DemoWiring.freshDataDir(dataDir.resolve("never-created"));

        assertFalse(Files.exists(demoDir));
    }
}
