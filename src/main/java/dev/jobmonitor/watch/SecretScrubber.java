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
    /** The text that replaces each secret. */
    public static final String REDACTED = "[redacted]";

    /** Each rule keeps group 1 (the key and separator) and replaces the rest of the match. */
    private static final List<Pattern> RULES = List.of(
            Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,}]+"),
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+"),
            Pattern.compile("()eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*)?"));
    /** A key that names a token, then its value: quoted (quote in group 2) or bare. */
    private static final Pattern TOKEN_VALUE = Pattern.compile(
            "(?i)(\\b\\w*token[\"']?\\s*[:=]\\s*)(?:([\"'])[^\"']*[\"']|[^\\s\"'&,;}]+)");
    /**
     * A key that names a password or secret, then its value. A bare value runs to the end of
     * the line, because a password may contain spaces.
     */
    private static final Pattern PASSWORD_VALUE = Pattern.compile(
            "(?i)(\\b\\w*(?:password|passwd|secret)[\"']?\\s*[:=]\\s*)"
                    + "(?:([\"'])[^\"']*[\"']|[^\"'&\\r\\n]+)");

    private SecretScrubber() {
    }

    /** Returns {@code text} with every secret it recognises replaced by {@link #REDACTED}. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern rule : RULES) {
            result = rule.matcher(result).replaceAll(
                    match -> Matcher.quoteReplacement(match.group(1) + REDACTED));
        }
        return replaceValues(PASSWORD_VALUE, replaceValues(TOKEN_VALUE, result));
    }

    private static String replaceValues(Pattern keyValue, String text) {
        return keyValue.matcher(text).replaceAll(match -> {
            String quote = match.group(2) == null ? "" : match.group(2);
            return Matcher.quoteReplacement(match.group(1) + quote + REDACTED + quote);
        });
    }
}
