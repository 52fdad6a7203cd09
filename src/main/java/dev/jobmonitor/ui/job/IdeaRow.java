package dev.jobmonitor.ui.job;

import dev.jobmonitor.api.model.ContentIdea;

/**
 * One row of the calendar ideas table, in display form.
 *
 * @param day      the day number, or 0 when the server sent none
 * @param title    the idea's title
 * @param format   the format with hyphens shown as spaces, such as "how to"
 * @param keywords the keywords, comma-separated
 */
public record IdeaRow(int day, String title, String format, String keywords) {
    static IdeaRow of(ContentIdea idea) {
        int day = idea.dayNumber() == null ? 0 : idea.dayNumber();
        String format = idea.format() == null ? "" : idea.format().replace('-', ' ');
        String title = idea.title() == null ? "" : idea.title();
        return new IdeaRow(day, title, format, String.join(", ", idea.keywords()));
    }
}
