package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The signed-in user, as {@code /auth/login} and {@code /auth/me} return it (fields we use). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(String id, String email, String firstName, String lastName,
                   String organizationName) {
}
