package dev.jobmonitor.api;

/** Supplies the access token to send as {@code Authorization: Bearer}; read on every request. */
@FunctionalInterface
public interface AccessTokenSource {
    /** The current access token, or null to send the request without one. Called on any thread. */
    String accessToken();
}
