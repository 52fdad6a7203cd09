package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of {@code POST /auth/login} and {@code POST /auth/refresh}; refresh returns no user.
 * {@code expiresIn} is a string such as "7d", so token lifetimes come from the JWT's exp claim.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoginResponse(User user, String accessToken, String refreshToken, String expiresIn) {
}
