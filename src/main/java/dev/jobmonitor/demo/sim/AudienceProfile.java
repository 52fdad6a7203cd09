package dev.jobmonitor.demo.sim;

import java.util.List;

/**
 * The descriptive fields of an audience, from which its JSON and its content ideas are built.
 *
 * @param topics subjects the generated content ideas are about
 */
public record AudienceProfile(
        String demographics,
        String psychographics,
        String searchBehavior,
        String customerProblem,
        List<String> customerLanguage,
        String conversionPath,
        String pitch,
        String competition,
        String searchVolume,
        String conversionPotential,
        List<String> topics) {

    public AudienceProfile {
        customerLanguage = List.copyOf(customerLanguage);
        topics = List.copyOf(topics);
    }
}
