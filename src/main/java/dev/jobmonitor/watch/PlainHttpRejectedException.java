package dev.jobmonitor.watch;

/**
 * A sign-in refused before any request because the server uses plain HTTP to a host other than
 * loopback and the user has not allowed that. The message is meant for the user.
 */
public final class PlainHttpRejectedException extends IllegalArgumentException {
    private final String host;

    public PlainHttpRejectedException(String host) {
        super("Plain http:// to " + host + " is not allowed: passwords and tokens would cross the"
                + " network unencrypted. Use https://, or allow unencrypted HTTP for this server.");
        this.host = host;
    }

    /** Returns the host that was rejected. */
    public String host() {
        return host;
    }
}
