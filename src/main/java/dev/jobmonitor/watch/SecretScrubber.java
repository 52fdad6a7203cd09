package dev.jobmonitor.watch;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text meant for a log file or a diagnostic summary: Authorization header
 * values, Bearer tokens, JWT-shaped strings, and the values of {@code token=}, {@code password=}
 * and similar keys, in query strings and in JSON alike. Thread-safe.
 */
public final class SecretScrubber {
    /** What replaces each secret. */
    public static final String REDACTED = "[redacted]";

    /** Each rule keeps group 1 (the key and separator) and replaces the rest of the match. */
    private static final List<Pattern> RULES = List.of(
            Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,}]+"),
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+"),
            Pattern.compile("()eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*)?"),
            Pattern.compile("(?i)(\\b\\w*(?:token|password|passwd|secret)\"?\\s*[:=]\\s*\"?)"
                    + "[^\\s\"&,;}]+"));

    private SecretScrubber() {
    }

    /** Returns {@code text} with every secret it recognises replaced by {@link #REDACTED}. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern rule : RULES) {
            Matcher matcher = rule.matcher(result);
            result = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + REDACTED));
        }
        return result;
    }
}
