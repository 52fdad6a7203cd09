package dev.jobmonitor.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import okhttp3.HttpUrl;

/** Parses the server URL that a user types into the sign-in form. */
final class ServerUrls {
    private static final int MAX_PORT = 65535;
    private static final String API_ROOT = "/api/v1";

    private ServerUrls() {
    }

    /**
     * Parses {@code http(s)://host[:port][/base]} after removing surrounding blanks and trailing
     * slashes. The result has a lower-case scheme and no trailing slash.
     *
     * @throws IllegalArgumentException with a message for the user for anything else, including a
     *     URL with a user name, a query or a fragment
     */
    static URI parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        // Users often paste the API root; the client adds /api/v1 itself.
        if (trimmed.toLowerCase(Locale.ROOT).endsWith(API_ROOT)) {
            trimmed = trimmed.substring(0, trimmed.length() - API_ROOT.length());
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Server URL is missing: use http://host:port");
        }

        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(text);
        }
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            throw new IllegalArgumentException("Invalid server URL '" + text.strip() + "': port "
                    + uri.getPort() + " is out of range; use 1 to " + MAX_PORT);
        }
        if (!isHttp(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(text);
        }

        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        URI normalized = URI.create(
                uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path);
        if (HttpUrl.parse(normalized.toString()) == null) {
            throw invalid(text);
        }
        return normalized;
    }

    private static boolean isHttp(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "Invalid server URL '" + text.strip() + "': use http://host:port or https://host");
    }
}
