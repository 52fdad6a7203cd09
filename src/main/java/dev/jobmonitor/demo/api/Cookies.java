package dev.jobmonitor.demo.api;

import dev.jobmonitor.demo.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Reads request cookies and writes {@code Set-Cookie} values like the real backend. */
final class Cookies {
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private Cookies() {
    }

    /** Returns a cookie's value without surrounding quotes, or null. */
    static String value(HttpRequest request, String name) {
        String header = request.header("cookie");
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                String value = pair.substring(equals + 1).trim();
                boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
                return quoted ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /**
     * Builds a token cookie. The real backend passes the lifetime in seconds where Express
     * expects milliseconds, so {@code Max-Age} is a thousandth of the lifetime (604 s for 7 days);
     * this copies that bug so clients meet the same cookie.
     */
    static String tokenCookie(String name, String token, long lifetimeSeconds, Instant now) {
        long maxAge = lifetimeSeconds / 1000;
        return name + "=" + token + "; Max-Age=" + maxAge + "; Path=/; Expires="
                + EXPIRES.format(now.plusSeconds(maxAge)) + "; HttpOnly; SameSite=Lax";
    }

    /** Builds a cookie that clears {@code name}, as logout sends. */
    static String clearingCookie(String name) {
        return name + "=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
    }
}
