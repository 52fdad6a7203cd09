package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownJobsStoreTest {
    @TempDir
    Path dir;

    @Test
    void jobsSurviveReopening() {
        Path file = dir.resolve("account").resolve("known-jobs.json");
        KnownJobsStore store = KnownJobsStore.open(file);
        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.STARTED, "aud-1"));
        store.add(job("b", "2026-12-04T11:00:00Z", KnownJob.Source.OPENED));

        List<KnownJob> reread = KnownJobsStore.open(file).list();

        assertEquals(List.of("b", "a"), reread.stream().map(KnownJob::jobId).toList());
        assertEquals(KnownJob.Source.STARTED, reread.get(1).source());
        assertEquals(List.of("aud-1"), reread.get(1).audienceIds());
        assertEquals("content_calendar", reread.get(1).type());
    }

    @Test
    void knownJobKeepsFirstSourceAndGainsAudiences() {
        KnownJobsStore store = KnownJobsStore.open(dir.resolve("known-jobs.json"));
        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.STARTED, "aud-1"));

        KnownJob merged = store.add(job("a", "2026-12-04T12:00:00Z", KnownJob.Source.DISCOVERED, "aud-2"))
                .orElseThrow();

        assertEquals(KnownJob.Source.STARTED, merged.source());
        assertEquals(List.of("aud-1", "aud-2"), merged.audienceIds());
        assertEquals(1, store.list().size());
    }

    @Test
    void damagedFileIsSetAside() throws IOException {
        Path file = dir.resolve("known-jobs.json");
        Files.writeString(file, "{not json");

        KnownJobsStore store = KnownJobsStore.open(file);

        assertTrue(store.list().isEmpty());
        assertTrue(Files.exists(dir.resolve("known-jobs.json.damaged")));
    }

    @Test
    void listenersHearEveryChange() {
        KnownJobsStore store = KnownJobsStore.open(dir.resolve("known-jobs.json"));
        List<Integer> sizes = new java.util.ArrayList<>();
        store.addListener(jobs -> sizes.add(jobs.size()));

        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.OPENED));
        store.add(job("b", "2026-12-04T10:00:01Z", KnownJob.Source.OPENED));
        store.remove("a");

        assertEquals(List.of(1, 2, 1), sizes);
    }

    @Test
    void twoWindowsOnOneAccountKeepEachOthersJobs() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore first = KnownJobsStore.open(file);
        KnownJobsStore second = KnownJobsStore.open(file);

        first.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.OPENED));
        second.add(job("b", "2026-12-04T10:00:01Z", KnownJob.Source.OPENED));

        List<String> ids = KnownJobsStore.open(file).list().stream().map(KnownJob::jobId).toList();
        assertEquals(List.of("b", "a"), ids);
    }

    @Test
    void removedJobIsNotMergedBack() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore store = KnownJobsStore.open(file);
        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.OPENED));

        store.remove("a");
        store.add(job("b", "2026-12-04T10:00:01Z", KnownJob.Source.OPENED));

        assertEquals(List.of("b"), KnownJobsStore.open(file).list().stream().map(KnownJob::jobId).toList());
    }

    @Test
    void pinnedJobStaysPinnedAfterReopening() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore store = KnownJobsStore.open(file);
        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.STARTED, "aud-1"));
        store.add(job("b", "2026-12-04T11:00:00Z", KnownJob.Source.OPENED));

        assertTrue(store.setPinned("a", true));
        store.add(job("a", "2026-12-04T12:00:00Z", KnownJob.Source.DISCOVERED, "aud-2"));

        List<KnownJob> reread = KnownJobsStore.open(file).list();
        assertTrue(reread.get(1).pinned(), "a gained an audience and kept its pin");
        assertEquals(List.of("aud-1", "aud-2"), reread.get(1).audienceIds());
        assertFalse(reread.get(0).pinned());
    }

    @Test
    void unpinnedJobIsSavedUnpinned() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore store = KnownJobsStore.open(file);
        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.STARTED));
        store.setPinned("a", true);

        store.setPinned("a", false);

        assertFalse(KnownJobsStore.open(file).list().get(0).pinned());
    }

    @Test
    void pinningUnknownJobChangesNothing() {
        KnownJobsStore store = KnownJobsStore.open(dir.resolve("known-jobs.json"));

        assertFalse(store.setPinned("a", true));
        assertEquals(List.of(), store.list());
    }

    @Test
    void removedJobIsNotDiscoveredAgainAfterReopening() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore store = KnownJobsStore.open(file);
        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.DISCOVERED, "aud-1"));
        store.remove("a");

        KnownJobsStore reopened = KnownJobsStore.open(file);
        Optional<KnownJob> found = reopened.add(
                job("a", "2026-12-04T12:00:00Z", KnownJob.Source.DISCOVERED, "aud-1"));
        Optional<KnownJob> seeded = reopened.add(
                job("a", "2026-12-04T12:00:00Z", KnownJob.Source.DEMO_SEED));

        assertEquals(Optional.empty(), found);
        assertEquals(Optional.empty(), seeded);
        assertEquals(List.of(), reopened.list());
        assertEquals(List.of("a"), reopened.dismissed());
    }

    @Test
    void removedJobReturnsWhenUserOpensIt() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore store = KnownJobsStore.open(file);
        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.DISCOVERED, "aud-1"));
        store.remove("a");

        Optional<KnownJob> opened = store.add(job("a", "2026-12-04T12:00:00Z", KnownJob.Source.OPENED));

        assertTrue(opened.isPresent());
        assertEquals(List.of("a"), KnownJobsStore.open(file).list().stream().map(KnownJob::jobId).toList());
        assertEquals(List.of(), KnownJobsStore.open(file).dismissed());
    }

    @Test
    void removeAllForgetsEveryGivenJob() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore store = KnownJobsStore.open(file);
        store.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.OPENED));
        store.add(job("b", "2026-12-04T10:00:01Z", KnownJob.Source.OPENED));
        store.add(job("c", "2026-12-04T10:00:02Z", KnownJob.Source.OPENED));

        int removed = store.removeAll(List.of("a", "c", "unknown"));

        assertEquals(2, removed);
        KnownJobsStore reopened = KnownJobsStore.open(file);
        assertEquals(List.of("b"), reopened.list().stream().map(KnownJob::jobId).toList());
        assertEquals(List.of("a", "c", "unknown"), reopened.dismissed());
    }

    @Test
    void mergeKeepsOtherWindowsRemoval() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore first = KnownJobsStore.open(file);
        KnownJobsStore second = KnownJobsStore.open(file);
        second.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.DISCOVERED));

        second.remove("a");
        first.add(job("b", "2026-12-04T10:00:01Z", KnownJob.Source.OPENED));

        KnownJobsStore reopened = KnownJobsStore.open(file);
        assertEquals(List.of("b"), reopened.list().stream().map(KnownJob::jobId).toList());
        assertEquals(List.of("a"), reopened.dismissed());
    }

    @Test
    void jobListedHereOverridesRemovalOnDisk() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore first = KnownJobsStore.open(file);
        first.add(job("a", "2026-12-04T10:00:00Z", KnownJob.Source.OPENED));
        KnownJobsStore second = KnownJobsStore.open(file);

        second.remove("a");
        first.add(job("b", "2026-12-04T10:00:01Z", KnownJob.Source.OPENED));

        KnownJobsStore reopened = KnownJobsStore.open(file);
        assertEquals(List.of("b", "a"), reopened.list().stream().map(KnownJob::jobId).toList());
        assertEquals(List.of(), reopened.dismissed());
    }

    @Test
    void dismissedIdsAreCapped() {
        Path file = dir.resolve("known-jobs.json");
        KnownJobsStore store = KnownJobsStore.open(file);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i <= KnownJobsStore.MAX_DISMISSED; i++) {
            ids.add("job-" + i);
        }

        store.removeAll(ids);

        List<String> kept = KnownJobsStore.open(file).dismissed();
        assertEquals(KnownJobsStore.MAX_DISMISSED, kept.size());
        assertEquals("job-1", kept.get(0), "the oldest id is dropped first");
    }

    @Test
    void fileWrittenAsBareArrayIsRead() throws IOException {
        Path file = dir.resolve("known-jobs.json");
        Files.writeString(file, """
                [ {
                  "jobId" : "a",
                  "type" : "content_calendar",
                  "audienceIds" : [ "aud-1" ],
                  "foundAt" : "2026-12-04T10:00:00Z",
                  "source" : "STARTED"
                } ]
                """);

        List<KnownJob> read = KnownJobsStore.open(file).list();

        assertEquals(1, read.size());
        assertEquals(List.of("aud-1"), read.get(0).audienceIds());
        assertFalse(read.get(0).pinned());
    }

    private static KnownJob job(String id, String at, KnownJob.Source source, String... audiences) {
        return new KnownJob(id, KnownJob.CONTENT_CALENDAR, List.of(audiences), Instant.parse(at), source);
    }
}
