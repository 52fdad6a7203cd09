package dev.jobmonitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

        KnownJob merged = store.add(job("a", "2026-12-04T12:00:00Z", KnownJob.Source.DISCOVERED, "aud-2"));

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

    private static KnownJob job(String id, String at, KnownJob.Source source, String... audiences) {
        return new KnownJob(id, KnownJob.CONTENT_CALENDAR, List.of(audiences), Instant.parse(at), source);
    }
}
