package dev.jobmonitor.ui.job;

import dev.jobmonitor.api.model.Audience;
import dev.jobmonitor.api.model.CalendarResult;
import dev.jobmonitor.api.model.StrategyResult;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.KnownJob;
import dev.jobmonitor.watch.WatchState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar ideas a finished job produced, one audience at a time. Audiences load lazily:
 * only once the job is opened in the detail view, and only the one picked. Every method must be
 * called on the FX thread.
 */
public final class CalendarViewModel {
    private static final Logger LOGGER = LoggerFactory.getLogger(CalendarViewModel.class);

    private final JobContext context;
    private final Function<String, String> audienceNames;
    private final Map<String, Audience> loaded = new HashMap<>();
    private boolean opened;
    private String loadingAudienceId;

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ObservableList<CalendarChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CalendarChoice> selectedChoice =
            new ReadOnlyObjectWrapper<>(this, "selectedChoice");
    private final ObservableList<IdeaRow> ideas = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<CalendarChoice> readOnlyChoices =
            FXCollections.unmodifiableObservableList(choices);
    private final ObservableList<IdeaRow> readOnlyIdeas =
            FXCollections.unmodifiableObservableList(ideas);

    CalendarViewModel(JobContext context, Function<String, String> audienceNames) {
        this.context = context;
        this.audienceNames = audienceNames;
    }

    /** Shows the calendar of {@code choice}, loading its audience if needed. */
    public void select(CalendarChoice choice) {
        if (choice == null || choice.equals(selectedChoice.get())) {
            return;
        }
        selectedChoice.set(choice);
        Audience audience = loaded.get(choice.audienceId());
        if (audience != null) {
            showFx(audience);
        } else {
            load(choice.audienceId());
        }
    }

    void open(JobSnapshot snapshot, KnownJob job) {
        opened = true;
        snapshotChangedFx(snapshot, job);
    }

    void snapshotChangedFx(JobSnapshot snapshot, KnownJob job) {
        List<CalendarChoice> next = choicesFor(snapshot, job);
        available.set(!next.isEmpty());
        if (!next.equals(choices)) {
            choices.setAll(next);
            selectedChoice.set(null);
            ideas.clear();
            status.set("");
        }
        // The job often finished before the detail view opened it, so load on open too.
        if (opened && selectedChoice.get() == null && !choices.isEmpty()) {
            select(choices.get(0));
        }
    }

    void refreshNamesFx() {
        List<CalendarChoice> renamed = new ArrayList<>();
        for (CalendarChoice choice : choices) {
            renamed.add(new CalendarChoice(choice.audienceId(), nameOf(choice.audienceId())));
        }
        if (!renamed.equals(choices)) {
            CalendarChoice selected = selectedChoice.get();
            choices.setAll(renamed);
            if (selected != null) {
                selectedChoice.set(new CalendarChoice(selected.audienceId(),
                        nameOf(selected.audienceId())));
            }
        }
    }

    /** Returns the display name of an audience this ViewModel loaded, or null. */
    String loadedName(String audienceId) {
        Audience audience = loaded.get(audienceId);
        return audience == null ? null : audience.displayName();
    }

    private List<CalendarChoice> choicesFor(JobSnapshot snapshot, KnownJob job) {
        if (snapshot.state() != WatchState.SUCCEEDED
                && snapshot.state() != WatchState.PARTLY_FAILED) {
            return List.of();
        }
        List<String> audienceIds = succeededAudiences(snapshot.result(), job);
        List<CalendarChoice> result = new ArrayList<>();
        for (String audienceId : audienceIds) {
            result.add(new CalendarChoice(audienceId, nameOf(audienceId)));
        }
        return result;
    }

    private static List<String> succeededAudiences(CalendarResult result, KnownJob job) {
        if (result == null || result.results().isEmpty()) {
            return job.audienceIds();
        }
        return result.results().stream()
                .filter(StrategyResult::succeeded)
                .map(StrategyResult::strategyId)
                .filter(id -> id != null)
                .toList();
    }

    private void load(String audienceId) {
        loadingAudienceId = audienceId;
        ideas.clear();
        status.set(UiText.get("job.calendar.loading"));
        context.handoff().deliver(context.session().loadAudience(audienceId),
                audience -> loadedFx(audienceId, audience),
                failure -> loadFailedFx(audienceId, failure));
    }

    private void loadedFx(String audienceId, Audience audience) {
        loaded.put(audienceId, audience);
        refreshNamesFx();
        if (audienceId.equals(loadingAudienceId)) {
            showFx(audience);
        }
    }

    private void loadFailedFx(String audienceId, Throwable failure) {
        LOGGER.warn("Loading the calendar of audience {} failed", audienceId, failure);
        if (audienceId.equals(loadingAudienceId)) {
            status.set(UiText.get("job.calendar.loadFailed", failure.getMessage()));
        }
    }

    private void showFx(Audience audience) {
        loadingAudienceId = audience.id();
        List<IdeaRow> rows = audience.contentIdeas().stream()
                .map(IdeaRow::of)
                .sorted(Comparator.comparingInt(IdeaRow::day))
                .toList();
        ideas.setAll(rows);
        status.set(rows.isEmpty() ? UiText.get("job.calendar.empty") : "");
    }

    private String nameOf(String audienceId) {
        return audienceNames.apply(audienceId);
    }

    /** True when the job finished with at least one calendar to show. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The audiences with a calendar from this job; more than one for a bundle job. */
    public ObservableList<CalendarChoice> getChoices() {
        return readOnlyChoices;
    }

    public ReadOnlyObjectProperty<CalendarChoice> selectedChoiceProperty() {
        return selectedChoice.getReadOnlyProperty();
    }

    /** The picked audience's ideas, sorted by day. */
    public ObservableList<IdeaRow> getIdeas() {
        return readOnlyIdeas;
    }

    /** "Loading calendar…", a load failure, or empty while ideas are shown. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
