package dev.jobmonitor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.ProgressData;

/** Turns an SSE event name and its data into a {@link JobEvent}. */
public final class JobEvents {
    private JobEvents() {
    }

    /**
     * Parses one event. A null name means the default "message" type. Unknown names and data that
     * is not a JSON object give {@link JobEvent.Ignored}; this method never throws.
     */
    public static JobEvent parse(String name, String data) {
        String type = name == null || name.isEmpty() ? "message" : name;
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(data == null ? "" : data);
        } catch (JsonProcessingException e) {
            return new JobEvent.Ignored(type, "data is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new JobEvent.Ignored(type, "data is not a JSON object");
        }
        try {
            return parseObject(type, node);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new JobEvent.Ignored(type, "unexpected data: " + e.getMessage());
        }
    }

    private static JobEvent parseObject(String type, JsonNode node) throws JsonProcessingException {
        switch (type) {
            case "connected":
                return new JobEvent.Connected(text(node, "connectionId"), text(node, "jobId"),
                        node.hasNonNull("maxAgeSeconds") ? node.get("maxAgeSeconds").asInt() : null);
            case "progress-update":
            case "step-change":
                return new JobEvent.Progress(type, Json.MAPPER.treeToValue(node, ProgressData.class));
            case "complete":
                JsonNode result = node.get("result");
                CalendarResult parsed = result == null || result.isNull()
                        ? null : Json.MAPPER.treeToValue(result, CalendarResult.class);
                return new JobEvent.Complete(parsed);
            case "failed":
                return new JobEvent.Failed(text(node, "error"), text(node, "errorCode"));
            case "stream-timeout":
                return new JobEvent.StreamTimeout(text(node, "message"));
            default:
                return new JobEvent.Ignored(type, "event not used by this client");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
