package dev.jobmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ProgressData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lenient parsing of single events: odd data becomes Ignored or null fields, never an error. */
class JobEventsTest {

    @Test
    void unknownFieldsAreSkipped() {
        JobEvent event = JobEvents.parse("progress-update",
                "{\"progress\":8,\"phase\":\"trends\",\"trendsKeywordCount\":4,\"future\":{\"a\":1}}");

        ProgressData data = assertInstanceOf(JobEvent.Progress.class, event).data();
        assertEquals(8, data.progress());
        assertEquals("trends", data.phase());
    }

    @Test
    void missingFieldsAreNull() {
        ProgressData data = assertInstanceOf(JobEvent.Progress.class,
                JobEvents.parse("step-change", "{}")).data();

        assertNull(data.progress());
        assertNull(data.currentStep());
        assertNull(data.estimatedTimeRemaining());
        assertNull(data.strategyTotal());
    }

    @Test
    void nullProgressIsNull() {
        ProgressData data = assertInstanceOf(JobEvent.Progress.class, JobEvents.parse(
                "progress-update", "{\"progress\":null,\"currentStep\":null}")).data();

        assertNull(data.progress());
    }

    @Test
    void documentedStrategyFieldsParse() {
        ProgressData data = assertInstanceOf(JobEvent.Progress.class, JobEvents.parse(
                "progress-update", "{\"progress\":53,\"currentStep\":\"Strategy 2 of 3: x\","
                        + "\"estimatedTimeRemaining\":42,\"phase\":\"generating\","
                        + "\"strategyIndex\":1,\"strategyTotal\":3,\"strategyId\":\"77c2\"}")).data();

        assertEquals(1, data.strategyIndex());
        assertEquals(3, data.strategyTotal());
        assertEquals("77c2", data.strategyId());
    }

    @Test
    void completeWithoutResultHasNullResult() {
        JobEvent.Complete complete =
                assertInstanceOf(JobEvent.Complete.class, JobEvents.parse("complete", "{}"));

        assertNull(complete.result());
    }

    @Test
    void completeWithEmptyResultHasNoStrategies() {
        CalendarResult result = assertInstanceOf(JobEvent.Complete.class,
                JobEvents.parse("complete", "{\"result\":{}}")).result();

        assertTrue(result.results().isEmpty());
    }

    @Test
    void streamTimeoutKeepsMessage() {
        JobEvent event = JobEvents.parse("stream-timeout", "{\"jobId\":\"j\",\"message\":\"poll\"}");

        assertEquals("poll", assertInstanceOf(JobEvent.StreamTimeout.class, event).message());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "rate_limit       | {\"retryAfter\":5}",
        "error            | {\"message\":\"x\"}",
        "scrape-phase     | {}",
        "null             | {\"type\":\"progress-update\",\"data\":{}}",
        "progress-update  | {not json",
        "progress-update  | ''",
        "progress-update  | [1,2]",
        "progress-update  | {\"progress\":\"five\"}",
        "connected        | 42",
        "complete         | {\"result\":\"done\"}",
    })
    void unusableEventsAreIgnored(String name, String data) {
        JobEvent event = JobEvents.parse(name, data);

        JobEvent.Ignored ignored = assertInstanceOf(JobEvent.Ignored.class, event);
        assertEquals(name == null ? "message" : name, ignored.name());
    }
}
