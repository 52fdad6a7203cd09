package dev.jobmonitor.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobmonitor.demo.ContentFault.Kind;
import dev.jobmonitor.demo.sim.Json;
import dev.jobmonitor.demo.stream.SseMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a job's content faults to the messages of one stream. Relies on the order every job
 * stream has: {@code : ok}, {@code connected}, one snapshot event, then live events. Used by
 * the stream's writing thread only.
 */
final class ContentRewriter {
    private static final Logger LOGGER = LoggerFactory.getLogger(ContentRewriter.class);
    private static final String PROGRESS = "progress-update";
    private static final String COMMENT_BETWEEN_EVENTS = "demo comment between events";

    private final String jobId;
    private final Map<Kind, ContentFault> faults;
    private final String staleProgressData;
    private final Consumer<String> progressRecorder;
    private int eventsSeen;
    private int progressEventsSeen;
    private int stepEventsSeen;

    /**
     * @param staleProgressData the last {@code progress-update} data an earlier stream wrote, or
     *     null
     * @param progressRecorder receives the data of every {@code progress-update} as the job sent
     *     it, for the stale event of a later stream
     */
    ContentRewriter(String jobId, Map<Kind, ContentFault> faults, String staleProgressData,
            Consumer<String> progressRecorder) {
        this.jobId = jobId;
        this.faults = Map.copyOf(faults);
        this.staleProgressData = staleProgressData;
        this.progressRecorder = progressRecorder;
    }

    List<SseMessage> rewrite(SseMessage message) {
        if (message.isComment()) {
            return List.of(message);
        }
        eventsSeen++;
        boolean progress = PROGRESS.equals(message.event());
        if (progress) {
            progressEventsSeen++;
            progressRecorder.accept(message.data());
        }
        SseMessage changed = SseMessage.event(message.event(), changeData(message));
        boolean afterConnected = eventsSeen > 1;

        List<SseMessage> out = new ArrayList<>();
        if (has(Kind.COMMENTS)) {
            out.add(SseMessage.comment(COMMENT_BETWEEN_EVENTS));
        }
        if (has(Kind.UNKNOWN_EVENTS) && afterConnected) {
            out.add(SseMessage.event("job-heartbeat", unknownEventData()));
        }
        out.add(changed);
        if (has(Kind.DUPLICATE_EVENTS) && afterConnected) {
            out.add(changed);
        }
        if (has(Kind.UNKNOWN_EVENTS) && !afterConnected) {
            out.add(SseMessage.unnamed(unknownEventData()));
        }
        if (has(Kind.PROGRESS_GOES_DOWN) && progress) {
            lowerProgress(message.data()).ifPresent(out::add);
        }
        if (has(Kind.STALE_EVENT_ON_RECONNECT) && eventsSeen == 2 && staleProgressData != null) {
            out.add(SseMessage.event(PROGRESS, staleProgressData));
            LOGGER.info("Stream on job {} writes a stale progress-update after its snapshot",
                    jobId);
        }
        return out;
    }

    private boolean has(Kind kind) {
        return faults.containsKey(kind);
    }

    /** Applies the data faults in order: null and missing fields, padding, then the cut. */
    private String changeData(SseMessage message) {
        String data = message.data();
        boolean firstProgress = PROGRESS.equals(message.event()) && progressEventsSeen == 1;
        if (has(Kind.NULL_AND_MISSING_FIELDS)) {
            data = withNullAndMissingFields(message.event(), data);
        }
        if (has(Kind.LARGE_EVENT) && firstProgress) {
            data = padded(data, faults.get(Kind.LARGE_EVENT).dataBytes());
        }
        if (has(Kind.MALFORMED_JSON) && firstProgress) {
            data = data.substring(0, data.length() / 2);
        }
        return data;
    }

    private String withNullAndMissingFields(String event, String data) {
        ObjectNode json = parse(data);
        if (json == null) {
            return data;
        }
        switch (event) {
            case "connected" -> json.remove(List.of("maxAgeSeconds", "hint"));
            case PROGRESS, "step-change" -> {
                stepEventsSeen++;
                json.remove(List.of("currentStep", "estimatedTimeRemaining"));
                if (stepEventsSeen % 2 == 0) {
                    json.putNull("progress");
                }
            }
            case "complete" -> json.putNull("result");
            case "failed" -> {
                json.putNull("error");
                json.remove("errorCode");
            }
            default -> {
                return data;
            }
        }
        return Json.write(json);
    }

    private static String padded(String data, int dataBytes) {
        ObjectNode json = parse(data);
        if (json == null) {
            return data;
        }
        // The field adds 13 bytes besides its value: ,"padding":"".
        int length = data.getBytes(StandardCharsets.UTF_8).length;
        int padding = Math.max(1, dataBytes - length - 13);
        json.put("padding", "x".repeat(padding));
        return Json.write(json);
    }

    private Optional<SseMessage> lowerProgress(String data) {
        ObjectNode json = parse(data);
        int progress = json == null ? 0 : json.path("progress").asInt();
        if (progress < 10) {
            return Optional.empty();
        }
        json.put("progress", progress / 2);
        return Optional.of(SseMessage.event(PROGRESS, Json.write(json)));
    }

    private String unknownEventData() {
        ObjectNode json = Json.object();
        json.put("jobId", jobId);
        json.put("note", "an event this client does not know");
        return Json.write(json);
    }

    private static ObjectNode parse(String data) {
        try {
            return Json.MAPPER.readTree(data) instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
