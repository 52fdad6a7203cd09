package dev.jobmonitor.demo.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** JSON and id helpers shared by the simulation and the routes. Thread-safe. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** The timestamp form PostgreSQL values take in Express responses: always milliseconds, UTC. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * PostgreSQL jsonb stores object keys shorter first, then bytewise; real responses show
     * this order.
     */
    private static final Comparator<String> JSONB_KEY_ORDER = Comparator
            .comparingInt((String key) -> key.getBytes(StandardCharsets.UTF_8).length)
            .thenComparing(Comparator.naturalOrder());

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static JsonNode nullNode() {
        return JsonNodeFactory.instance.nullNode();
    }

    /** Serialises compactly, like {@code JSON.stringify} with no indent. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not serialise a JSON tree", e);
        }
    }

    /** Formats an instant like {@code 2026-12-04T15:07:24.092Z}; null stays null. */
    public static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    /**
     * Returns a deep copy whose object keys are in the order PostgreSQL returns jsonb columns,
     * which is how the real backend sends stored results and content ideas.
     */
    public static JsonNode jsonbOrdered(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            Iterator<String> names = node.fieldNames();
            names.forEachRemaining(keys::add);
            keys.sort(JSONB_KEY_ORDER);
            ObjectNode copy = object();
            keys.forEach(key -> copy.set(key, jsonbOrdered(node.get(key))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = array();
            node.forEach(element -> copy.add(jsonbOrdered(element)));
            return copy;
        }
        return node.deepCopy();
    }

    /** Returns a version 4 UUID drawn from the given random source, so seeded runs repeat. */
    public static String uuid(Random random) {
        // Sets the version nibble to 4 and the variant bits to 10, as RFC 4122 requires.
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
