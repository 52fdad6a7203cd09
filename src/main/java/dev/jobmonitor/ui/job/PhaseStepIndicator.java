package dev.jobmonitor.ui.job;

import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.Phases;
import dev.jobmonitor.watch.WatchState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The five documented phases of a calendar strategy as steps, each {@code :done},
 * {@code :active}, {@code :failed} or {@code :pending}. A phase outside the five, such as
 * "trends" that the backend sends today, leaves the steps pending and shows a note instead.
 * Each step node has the id {@code <phase>Step}, such as {@code keywordsStep}.
 */
public final class PhaseStepIndicator extends VBox {
    /** Drawing state of one step. */
    public enum StepState {
        PENDING, ACTIVE, DONE, FAILED;

        private PseudoClass pseudoClass() {
            return PseudoClass.getPseudoClass(name().toLowerCase(Locale.ROOT));
        }
    }

    private static final String DONE_MARK = "\u2713";
    private static final String FAILED_MARK = "\u2715";

    private final StringProperty phase = new SimpleStringProperty(this, "phase");
    private final ObjectProperty<WatchState> state =
            new SimpleObjectProperty<>(this, "state", WatchState.CONNECTING);
    private final List<HBox> steps = new ArrayList<>();
    private final List<Label> markers = new ArrayList<>();
    private final List<Region> connectors = new ArrayList<>();
    private final Label noteLabel = new Label();

    public PhaseStepIndicator() {
        getStyleClass().add("phase-step-indicator");
        HBox row = new HBox();
        row.getStyleClass().add("phase-steps");
        for (int i = 0; i < Phases.KNOWN.size(); i++) {
            if (i > 0) {
                Region connector = new Region();
                connector.getStyleClass().add("phase-connector");
                HBox.setHgrow(connector, Priority.ALWAYS);
                connectors.add(connector);
                row.getChildren().add(connector);
            }
            row.getChildren().add(createStep(i));
        }
        noteLabel.getStyleClass().add("phase-note");
        noteLabel.setId("phaseNoteLabel");
        noteLabel.managedProperty().bind(noteLabel.visibleProperty());
        getChildren().addAll(row, noteLabel);

        phase.addListener((observable, oldValue, newValue) -> update());
        state.addListener((observable, oldValue, newValue) -> update());
        update();
    }

    /** The last phase the server reported, or null. */
    public StringProperty phaseProperty() {
        return phase;
    }

    public String getPhase() {
        return phase.get();
    }

    public void setPhase(String value) {
        phase.set(value);
    }

    /** The job's watch state; outcomes decide whether the steps are all done or one failed. */
    public ObjectProperty<WatchState> stateProperty() {
        return state;
    }

    public WatchState getState() {
        return state.get();
    }

    public void setState(WatchState value) {
        state.set(value);
    }

    /** Returns how the step at {@code index} in {@link Phases#KNOWN} is drawn. */
    public StepState stepState(int index) {
        return stepStateFor(index, Phases.indexOf(phase.get()), state.get());
    }

    /** Returns the note shown for a phase outside the five steps, or empty. */
    public String getNote() {
        return noteLabel.isVisible() ? noteLabel.getText() : "";
    }

    private HBox createStep(int index) {
        String key = Phases.KNOWN.get(index);
        Label marker = new Label();
        marker.getStyleClass().add("phase-marker");
        Label name = new Label(UiText.get("phase." + key));
        name.getStyleClass().add("phase-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox step = new HBox(marker, name);
        step.getStyleClass().add("phase-step");
        step.setId(key + "Step");
        steps.add(step);
        markers.add(marker);
        return step;
    }

    private void update() {
        int activeIndex = Phases.indexOf(phase.get());
        for (int i = 0; i < steps.size(); i++) {
            StepState stepState = stepStateFor(i, activeIndex, state.get());
            for (StepState each : StepState.values()) {
                steps.get(i).pseudoClassStateChanged(each.pseudoClass(), each == stepState);
            }
            markers.get(i).setText(markerText(i, stepState));
            if (i > 0) {
                boolean reached = stepState != StepState.PENDING;
                connectors.get(i - 1).pseudoClassStateChanged(StepState.DONE.pseudoClass(), reached);
            }
        }
        String note = noteFor(phase.get(), state.get());
        noteLabel.setText(note);
        noteLabel.setVisible(!note.isEmpty());
    }

    private static StepState stepStateFor(int index, int activeIndex, WatchState state) {
        if (state == WatchState.SUCCEEDED || state == WatchState.PARTLY_FAILED) {
            return StepState.DONE;
        }
        if (activeIndex < 0 || index > activeIndex) {
            return StepState.PENDING;
        }
        if (index < activeIndex) {
            return StepState.DONE;
        }
        return state == WatchState.FAILED ? StepState.FAILED : StepState.ACTIVE;
    }

    private static String markerText(int index, StepState stepState) {
        switch (stepState) {
            case DONE:
                return DONE_MARK;
            case FAILED:
                return FAILED_MARK;
            default:
                return Integer.toString(index + 1);
        }
    }

    private static String noteFor(String phase, WatchState state) {
        if (phase == null || Phases.indexOf(phase) >= 0 || state.isOutcome()) {
            return "";
        }
        if (phase.equals("trends")) {
            return UiText.get("phase.trends");
        }
        return UiText.get("phase.other", phase);
    }
}
