package dev.jobmonitor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private DemoBackend backend;
    private String token;

    @BeforeEach
    void startBackend() throws IOException {
        // A job waits 0.2 s in the queue and runs 0.3 s; keepalives come every 150 ms.
        backend = DemoBackend.start(DemoConfig.builder()
                .timeFactor(0.01)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(20))
                .jobDuration(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .build());
        token = new ApiClient(backend.baseUrl()).loginDemo();
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void resetMidEventCutsFrameThenNextStreamIsHealthy() throws IOException {
        String jobId = newJob();
        backend.injectFault(jobId, StreamFault.resetMidEvent(2));

        try (RawHttpClient client = openStream(jobId)) {
            client.awaitText("event: progress-update\n");

            assertTrue(client.closesWithin(WAIT), "the connection is aborted");
            String text = client.decoded().text();
            List<String> frames = SseFrames.withoutKeepalives(text);
            assertEquals(3, frames.size(), text);
            String cut = text.substring(text.lastIndexOf("\n\n") + 2);
            assertTrue(cut.startsWith("event: step-change\n"), cut);
            assertFalse(cut.endsWith("\n\n"), cut);
            assertFalse(client.decoded().ended());
        }
        try (RawHttpClient again = openStream(jobId)) {
            again.awaitText("event: complete\n");
        }
    }

    @Test
    void closeBeforeTerminalEndsStreamWithoutComplete() throws IOException {
        String jobId = newJob();
        backend.injectFault(jobId, StreamFault.closeBeforeTerminal());

        try (RawHttpClient client = openStream(jobId)) {
            client.awaitText("\"progress\":100,");

            assertTrue(client.closesWithin(WAIT));
            RawHttpClient.Chunked body = client.decoded();
            assertTrue(body.ended(), "the response ends cleanly");
            assertFalse(body.text().contains("event: complete"), body.text());
        }
        Conditions.await("job succeeded", WAIT, () -> backend.job(jobId).orElseThrow().status().equals("succeeded"));
    }

    @Test
    void stallStopsAllWritesButKeepsSocketOpen() throws IOException {
        String jobId = newJob();
        backend.injectFault(jobId, StreamFault.stall(2));

        try (RawHttpClient client = openStream(jobId)) {
            client.awaitText("event: progress-update\n");
            Conditions.await("job succeeded", WAIT, () -> backend.job(jobId).orElseThrow().isFinished());
            // Long enough for several keepalives and the job's events, had they been written.
            RawHttpClient.Chunked body = client.readUntilQuiet(Duration.ofMillis(500));

            assertEquals(3, SseFrames.all(body.text()).size(), body.text());
            assertFalse(body.text().contains(SseFrames.KEEPALIVE));
            assertFalse(client.closesWithin(Duration.ofMillis(100)), "the socket stays open");
        }
    }

    @Test
    void closeAfterEndsResponseMidJob() throws IOException {
        String jobId = newJob();
        backend.faults().onJob(jobId).streamFault(StreamFault.closeAfter(3));

        try (RawHttpClient client = openStream(jobId)) {
            client.awaitText("event: step-change\n");

            assertTrue(client.closesWithin(WAIT));
            RawHttpClient.Chunked body = client.decoded();
            assertTrue(body.ended(), "the response ends cleanly");
            List<String> frames = SseFrames.withoutKeepalives(body.text());
            assertEquals(4, frames.size(), body.text());
            assertTrue(frames.get(3).startsWith("event: step-change\n"), frames.get(3));
        }
        Conditions.await("job succeeded", WAIT, () -> backend.job(jobId).orElseThrow().isFinished());
    }

    @Test
    void splitWritesKeepsBytesButSplitsChunks() throws IOException {
        String jobId = newJob();
        backend.injectFault(jobId, StreamFault.splitWrites(7));

        try (RawHttpClient client = openStream(jobId)) {
            RawHttpClient.Chunked body = client.awaitText("event: complete\n");

            assertTrue(body.chunkSizes().stream().allMatch(size -> size <= 7), body.chunkSizes().toString());
            assertTrue(body.text().startsWith(": ok\n\nevent: connected\ndata: {\"connectionId\":"), body.text());
            assertTrue(SseFrames.withoutKeepalives(body.text()).get(2).startsWith("event: progress-update\n"));
        }
    }

    @Test
    void globalFaultAppliesToAnyJobOnce() throws IOException {
        String jobId = newJob();
        backend.injectFault(StreamFault.splitWrites(3).forStreams(2));

        try (RawHttpClient first = openStream(jobId); RawHttpClient second = openStream(jobId);
                RawHttpClient third = openStream(jobId)) {
            assertTrue(first.awaitText("event: connected\n").chunkSizes().stream().allMatch(size -> size <= 3));
            assertTrue(second.awaitText("event: connected\n").chunkSizes().stream().allMatch(size -> size <= 3));
            assertTrue(third.awaitText("event: connected\n").chunkSizes().stream().anyMatch(size -> size > 3));
        }
    }

    @Test
    void jobStreamFaultComesBeforeGlobal() throws IOException {
        String jobId = newJob();
        backend.faults().global().streamFault(StreamFault.splitWrites(3));
        backend.faults().onJob(jobId).streamFault(StreamFault.splitWrites(5));

        try (RawHttpClient first = openStream(jobId); RawHttpClient second = openStream(jobId);
                RawHttpClient third = openStream(jobId)) {
            List<Integer> firstSizes = first.awaitText("event: connected\n").chunkSizes();
            List<Integer> secondSizes = second.awaitText("event: connected\n").chunkSizes();
            List<Integer> thirdSizes = third.awaitText("event: connected\n").chunkSizes();

            assertTrue(firstSizes.contains(5), "the job's fault first: " + firstSizes);
            assertTrue(secondSizes.stream().allMatch(size -> size <= 3), "then the global one: " + secondSizes);
            assertTrue(thirdSizes.stream().anyMatch(size -> size > 5), "then none: " + thirdSizes);
        }
    }

    @Test
    void refusedConnectionsComeBackOnSamePort() throws IOException {
        int port = backend.port();
        try (RawHttpClient open = new RawHttpClient(port)) {
            backend.refuseConnections(Duration.ofMillis(300));

            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
            open.get("/health");
            assertEquals(200, open.head().status(), "open connections keep working");
        }
        Conditions.await("backend listens again", WAIT, backend::isAcceptingConnections);
        try (RawHttpClient client = new RawHttpClient(port)) {
            client.get("/health");
            assertEquals(200, client.head().status());
        }
    }

    @Test
    void restartDropsConnectionsAndKeepsJobs() throws IOException {
        String jobId = newJob();
        try (RawHttpClient stream = openStream(jobId)) {
            stream.awaitText("event: connected\n");

            backend.restart();

            assertTrue(stream.closesWithin(WAIT));
        }
        try (RawHttpClient again = openStream(jobId)) {
            again.awaitText("event: complete\n");
        }
    }

    @Test
    void closeEndsStreamsAndConnectionThreads() throws IOException {
        String jobId = newJob();
        try (RawHttpClient stream = openStream(jobId)) {
            stream.awaitText("event: connected\n");

            backend.close();

            assertTrue(stream.closesWithin(WAIT));
            Conditions.await("no demo connection thread is alive", WAIT, () -> Thread.getAllStackTraces().keySet()
                    .stream().noneMatch(thread -> thread.getName().startsWith("demo-http-connection")));
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", backend.port()).close());
        }
    }

    private String newJob() {
        String audience = backend.createAudience(DemoBackend.DEMO_EMAIL, false);
        return backend.createJob(List.of(audience), JobOutcome.SUCCESS, ProgressProfile.CURRENT);
    }

    private RawHttpClient openStream(String jobId) throws IOException {
        RawHttpClient client = new RawHttpClient(backend.port());
        client.get("/api/v1/jobs/" + jobId + "/stream", "Authorization: Bearer " + token);
        assertEquals(200, client.head().status());
        return client;
    }
}
