package dev.jobmonitor.ui.main;

import dev.jobmonitor.ui.job.JobViewModel;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableView;

/**
 * The jobs table's filter: keeps the rows whose id, audience names or state text contain the
 * typed text, ignoring case. Rows are re-checked when their audience names or state change, and
 * the table's column sort still applies. Every method must be called on the FX thread.
 */
public final class JobFilter {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<JobViewModel> watched;
    private final FilteredList<JobViewModel> filtered;

    /** Creates a filter over {@code jobs}, which it follows. */
    public JobFilter(ObservableList<JobViewModel> jobs) {
        // The extractor turns a row's name or state change into an update the filter re-checks.
        watched = FXCollections.observableArrayList(
                job -> new Observable[] {job.audienceNamesProperty(), job.stateTextProperty(),
                        job.pinnedProperty()});
        Bindings.bindContent(watched, jobs);
        filtered = new FilteredList<>(watched);
        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> predicate(text.get()), text));
    }

    /**
     * Shows the filtered rows in {@code table}, ordered by {@code leading} first and then by the
     * table's column sort. With no column sort, rows equal under {@code leading} keep the order
     * of the followed list.
     */
    public void showIn(TableView<JobViewModel> table, Comparator<JobViewModel> leading) {
        SortedList<JobViewModel> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> table.getComparator() == null ? leading
                        : leading.thenComparing(table.getComparator()),
                table.comparatorProperty()));
        // The sorted list follows the table's comparator, so sorting has nothing left to do.
        table.setSortPolicy(sortedTable -> true);
        table.setItems(sorted);
    }

    /** Returns the typed filter text, which shows every job when empty. */
    public StringProperty textProperty() {
        return text;
    }

    private static Predicate<JobViewModel> predicate(String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return job -> true;
        }
        return job -> matches(needle, job.getJobId(), job.audienceNamesProperty().get(),
                job.stateTextProperty().get());
    }

    /** Returns true when one of the texts contains {@code needle}, which is in lower case. */
    static boolean matches(String needle, String... texts) {
        for (String candidate : texts) {
            if (candidate != null && candidate.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
