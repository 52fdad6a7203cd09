package dev.jobmonitor.ui.audiences;

import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.ui.UiText;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One audience in the audiences list, with the state of its calendar. Changes only on the FX
 * thread, through {@link #update}.
 */
public final class AudienceItem {
    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final String id;
    private final ZoneId zone;
    private Audience audience;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper calendarText =
            new ReadOnlyStringWrapper(this, "calendarText", "");
    private final ReadOnlyBooleanWrapper generating = new ReadOnlyBooleanWrapper(this, "generating");

    public AudienceItem(Audience audience, ZoneId zone) {
        this.id = Objects.requireNonNull(audience.id(), "audience id");
        this.zone = zone;
        update(audience, false);
    }

    /** Shows {@code next} as this audience; {@code jobRunning} when a known job generates it. */
    public void update(Audience next, boolean jobRunning) {
        audience = next;
        name.set(next.displayName());
        generating.set(jobRunning);
        calendarText.set(calendarTextOf(next, jobRunning));
    }

    public void setGenerating(boolean jobRunning) {
        update(audience, jobRunning);
    }

    private String calendarTextOf(Audience value, boolean jobRunning) {
        if (jobRunning) {
            return UiText.get("audience.calendar.generating");
        }
        if (!value.hasCalendar()) {
            return UiText.get("audience.calendar.none");
        }
        String generatedAt = value.contentCalendarGeneratedAt();
        return UiText.get("audience.calendar.generated", formatDate(generatedAt)).trim();
    }

    private String formatDate(String isoTimestamp) {
        if (isoTimestamp == null) {
            return "";
        }
        try {
            return DATE_FORMAT.format(OffsetDateTime.parse(isoTimestamp).atZoneSameInstant(zone));
        } catch (DateTimeException e) {
            return isoTimestamp;
        }
    }

    public String getId() {
        return id;
    }

    public Audience getAudience() {
        return audience;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String getName() {
        return name.get();
    }

    /** "Calendar generated Mar 15, 2026", "Generating…" or "No calendar". */
    public ReadOnlyStringProperty calendarTextProperty() {
        return calendarText.getReadOnlyProperty();
    }

    public String getCalendarText() {
        return calendarText.get();
    }

    /** True while a known job is generating this audience's calendar. */
    public ReadOnlyBooleanProperty generatingProperty() {
        return generating.getReadOnlyProperty();
    }

    public boolean isGenerating() {
        return generating.get();
    }
}
