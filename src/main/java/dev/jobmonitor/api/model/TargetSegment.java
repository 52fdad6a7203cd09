package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Who an audience is; {@code demographics} serves as the audience's display name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TargetSegment(String demographics, String psychographics, String searchBehavior) {
}
