package dev.jobmonitor.demo.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Generates the 30-day calendars that simulated jobs save. */
public final class ContentIdeas {
    /** The real service requests 30 ideas from the model, one per day. */
    public static final int DAYS = 30;

    private static final List<String> FORMATS =
            List.of("how-to", "listicle", "guide", "case-study", "comparison", "checklist");

    private ContentIdeas() {
    }

    /** Returns 30 ideas about the given topics, with keys in jsonb order like stored ideas. */
    public static ArrayNode generate(List<String> topics, Random random) {
        ArrayNode ideas = Json.array();
        int offset = random.nextInt(topics.size());
        for (int day = 1; day <= DAYS; day++) {
            String topic = topics.get((offset + day - 1 + (day - 1) / FORMATS.size()) % topics.size());
            String format = FORMATS.get((day - 1) % FORMATS.size());
            ObjectNode idea = Json.object();
            idea.put("dayNumber", day);
            idea.put("title", title(format, topic, day));
            idea.put("searchIntent", "Reader is looking for practical advice on " + topic);
            idea.put("format", format);
            ArrayNode keywords = idea.putArray("keywords");
            keywords.add(topic);
            keywords.add(topic + " " + keywordSuffix(format));
            ideas.add(idea);
        }
        return (ArrayNode) Json.jsonbOrdered(ideas);
    }

    /** Returns a few trending search queries with scores, as the trends step stores them. */
    public static ArrayNode trendingTopics(List<String> topics, int count, Random random) {
        ArrayNode trending = Json.array();
        for (int i = 0; i < count && i < topics.size(); i++) {
            ObjectNode item = Json.object();
            item.put("query", topics.get(i) + " 2027");
            item.put("value", 40 + random.nextInt(60));
            trending.add(item);
        }
        return trending;
    }

    private static String title(String format, String topic, int day) {
        String subject = capitalise(topic);
        return switch (format) {
            case "how-to" -> "How to Get Started with " + subject;
            case "listicle" -> (5 + day % 5) + " Mistakes to Avoid with " + subject;
            case "guide" -> "A Practical Guide to " + subject;
            case "case-study" -> "Case Study: What Changed After We Focused on " + subject;
            case "comparison" -> subject + ": Tools and Approaches Compared";
            default -> "Your " + subject + " Checklist for Week " + ((day - 1) / 7 + 1);
        };
    }

    private static String keywordSuffix(String format) {
        return switch (format) {
            case "how-to" -> "step by step";
            case "listicle" -> "mistakes";
            case "comparison" -> "tools";
            case "checklist" -> "checklist";
            default -> "tips";
        };
    }

    private static String capitalise(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (String word : text.split(" ")) {
            if (result.length() > 0) {
                result.append(' ');
            }
            result.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return result.toString();
    }
}
