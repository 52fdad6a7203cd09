package dev.jobmonitor.ui.job;

/** An audience whose calendar a finished job produced, as offered in the calendar picker. */
public record CalendarChoice(String audienceId, String name) {
    @Override
    public String toString() {
        return name;
    }
}
