package dev.jobmonitor.watch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a server URL may be used over plain {@code http://}. Sign-in sends the password
 * and every request carries a bearer token, so plain HTTP is allowed without asking only for
 * loopback hosts: {@code localhost}, 127.0.0.0/8 and ::1. Host names are compared as text and
 * never resolved, so checking a URL sends nothing over the network.
 */
public final class PlainHttpPolicy {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private PlainHttpPolicy() {
    }

    /**
     * Returns the host of {@code server} when it uses plain HTTP to a host other than loopback,
     * so the user must allow it explicitly; empty for https and for loopback hosts.
     */
    public static Optional<String> hostRequiringConsent(URI server) {
        if (!"http".equalsIgnoreCase(server.getScheme()) || server.getHost() == null) {
            return Optional.empty();
        }
        String host = server.getHost();
        return isLoopback(host) ? Optional.empty() : Optional.of(host);
    }

    /**
     * Throws {@link PlainHttpRejectedException} when {@code server} needs consent for plain HTTP
     * and {@code allowed} is false.
     */
    public static void check(URI server, boolean allowed) {
        Optional<String> host = hostRequiringConsent(server);
        if (host.isPresent() && !allowed) {
            throw new PlainHttpRejectedException(host.get());
        }
    }

    /** Whether {@code host} (as in a URL, IPv6 in brackets) names this machine's loopback. */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.equals("localhost.")) {
            return true;
        }
        if (IPV4_LITERAL.matcher(name).matches()) {
            return isLoopbackIpv4(name.split("\\."));
        }
        if (!name.startsWith("[") || !name.endsWith("]")) {
            return false;
        }
        try {
            // A bracketed IPv6 literal is parsed, never looked up.
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLoopbackIpv4(String[] octets) {
        for (String octet : octets) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return octets[0].equals("127");
    }
}
