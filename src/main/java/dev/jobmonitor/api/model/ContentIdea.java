package dev.jobmonitor.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One day of a content calendar; format and search intent are optional on the wire. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentIdea(Integer dayNumber, String title, String searchIntent, String format,
                          List<String> keywords) {
    public ContentIdea {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
