package dev.jobmonitor.ui.job;

import dev.jobmonitor.ui.FxmlViews;
import dev.jobmonitor.ui.Nodes;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.WatchState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.util.Callback;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;


/**
 * Controller of {@code JobDetailView.fxml}: binds one job's controls to its {@link JobViewModel}.
 * The window loads a new view for each selected job. Every binding and listener on the ViewModel
 * is weak, so a view that is no longer shown can be collected while the job goes on.
 */
public final class JobDetailView {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** Height of one connection-history row, as {@code -fx-cell-size} in job-detail.css. */
    private static final double TIMELINE_ROW_HEIGHT = 24;
    /** More history rows scroll. */
    private static final int TIMELINE_MAX_ROWS = 8;
    /** The list's border, so a full list needs no scroll bar. */
    private static final double TIMELINE_SPARE_HEIGHT = 4;

    private final JobViewModel viewModel;
    private final CalendarViewModel calendar;
    /** Kept as a field so the weak listener lives exactly as long as this view. */
    private final ChangeListener<CalendarChoice> calendarChoiceListener =
            (observable, oldChoice, newChoice) -> showChoice(newChoice);
    /** Kept as a field for the same reason. */
    private final ListChangeListener<StrategyOutcome> outcomesListener = change -> showOutcomes();

    @FXML
    private TextField jobIdField;
    @FXML
    private Label audienceNamesLabel;
    @FXML
    private ConnectionIndicator connectionIndicator;
    @FXML
    private StatusCard statusCard;
    @FXML
    private Label stepLabel;
    @FXML
    private Label strategyBadgeLabel;
    @FXML
    private HBox progressRow;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressLabel;
    @FXML
    private Label etaLabel;
    @FXML
    private HBox stillWorkingBox;
    @FXML
    private Label lastUpdateLabel;
    @FXML
    private Label noticeLabel;
    @FXML
    private PhaseStepIndicator phaseStepIndicator;
    @FXML
    private VBox notFoundBox;
    @FXML
    private Label notFoundLabel;
    @FXML
    private VBox stuckBox;
    @FXML
    private Label stuckLabel;
    @FXML
    private Label stuckAudiencesUnknownLabel;
    @FXML
    private Button stuckRegenerateButton;
    @FXML
    private ProgressIndicator stuckProgressIndicator;
    @FXML
    private Label regenerateNoteLabel;
    @FXML
    private VBox errorBox;
    @FXML
    private Label errorLabel;
    @FXML
    private Label errorCodeLabel;
    @FXML
    private Button retryButton;
    @FXML
    private Button regenerateButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressIndicator actionProgressIndicator;
    @FXML
    private Label actionErrorLabel;
    @FXML
    private TitledPane timelinePane;
    @FXML
    private ListView<TimelineRow> timelineList;
    @FXML
    private VBox outcomeBox;
    @FXML
    private VBox strategyOutcomesBox;
    @FXML
    private VBox calendarBox;
    @FXML
    private Label calendarChoiceLabel;
    @FXML
    private ComboBox<CalendarChoice> calendarComboBox;
    @FXML
    private Label calendarStatusLabel;
    @FXML
    private TableView<IdeaRow> ideasTable;
    @FXML
    private TableColumn<IdeaRow, Number> dayColumn;
    @FXML
    private TableColumn<IdeaRow, String> titleColumn;
    @FXML
    private TableColumn<IdeaRow, String> formatColumn;
    @FXML
    private TableColumn<IdeaRow, String> keywordsColumn;
    @FXML
    private CheckBox notifyCheckBox;

    private JobDetailView(JobViewModel viewModel) {
        this.viewModel = viewModel;
        this.calendar = viewModel.getCalendar();
    }

    /** Loads the detail view of one job and marks the job as opened. Call on the FX thread. */
    public static Parent load(JobViewModel viewModel) {
        Parent root = FxmlViews.load("JobDetailView.fxml", new JobDetailView(viewModel));
        viewModel.open();
        return root;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindStatus();
        bindWarnings();
        bindFailure();
        bindActions();
        bindTimeline();
        bindOutcomes();
        bindCalendar();
    }

    private void bindHeader() {
        jobIdField.setText(viewModel.getJobId());
        audienceNamesLabel.textProperty().bind(viewModel.audienceNamesProperty());
        Nodes.showWhen(audienceNamesLabel, viewModel.audiencesKnownProperty());
        connectionIndicator.modeProperty().bind(viewModel.connectionModeProperty());
        connectionIndicator.textProperty().bind(viewModel.connectionTextProperty());
        notifyCheckBox.selectedProperty().bindBidirectional(viewModel.notifyProperty());
    }

    private void bindStatus() {
        statusCard.stateProperty().bind(viewModel.connectionModeProperty());
        stepLabel.textProperty().bind(viewModel.stepTextProperty());
        strategyBadgeLabel.textProperty().bind(viewModel.strategyBadgeProperty());
        Nodes.showWhenText(strategyBadgeLabel);
        Nodes.showWhen(progressRow, viewModel.progressKnownProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        etaLabel.textProperty().bind(viewModel.etaTextProperty());
        Nodes.showWhenText(etaLabel);
        Nodes.showWhen(stillWorkingBox, viewModel.stillWorkingProperty());
        lastUpdateLabel.textProperty().bind(viewModel.lastUpdateTextProperty());
        noticeLabel.textProperty().bind(viewModel.getWarnings().noticeProperty());
        Nodes.showWhenText(noticeLabel);
        Nodes.showWhen(phaseStepIndicator, viewModel.progressKnownProperty());
        phaseStepIndicator.phaseProperty().bind(viewModel.phaseProperty());
        phaseStepIndicator.stateProperty().bind(viewModel.connectionModeProperty());
    }

    private void bindWarnings() {
        WatchWarnings warnings = viewModel.getWarnings();
        Nodes.showWhen(notFoundBox, warnings.notFoundProperty());
        notFoundLabel.textProperty().bind(warnings.notFoundTextProperty());

        Nodes.showWhen(stuckBox, warnings.stuckInQueueProperty());
        stuckLabel.textProperty().bind(warnings.stuckTextProperty());
        Nodes.showWhen(stuckAudiencesUnknownLabel, viewModel.audiencesKnownProperty().not());
        stuckRegenerateButton.disableProperty().bind(viewModel.canRegenerateProperty().not());
        Nodes.showWhen(stuckProgressIndicator, viewModel.regeneratingProperty());
        regenerateNoteLabel.textProperty().bind(viewModel.regenerateNoteProperty());
        Nodes.showWhenText(regenerateNoteLabel);
    }

    private void bindFailure() {
        errorLabel.textProperty().bind(viewModel.errorTextProperty());
        errorCodeLabel.textProperty().bind(viewModel.errorCodeTextProperty());
        Nodes.showWhenText(errorCodeLabel);
        Nodes.showWhen(errorBox, viewModel.connectionModeProperty().isEqualTo(WatchState.FAILED));
    }

    private void bindActions() {
        Nodes.showWhen(retryButton, viewModel.connectionModeProperty().isEqualTo(WatchState.FAILED));
        retryButton.disableProperty().bind(viewModel.canRetryProperty().not());
        Nodes.showWhen(regenerateButton,
                viewModel.connectionModeProperty().isEqualTo(WatchState.PARTLY_FAILED));
        regenerateButton.disableProperty().bind(viewModel.canRegenerateProperty().not());
        Nodes.showWhen(cancelButton, viewModel.finishedProperty().not());
        cancelButton.disableProperty().bind(viewModel.canCancelProperty().not());
        Nodes.showWhen(actionProgressIndicator,
                viewModel.retryingProperty().or(viewModel.regeneratingProperty()));
        actionErrorLabel.textProperty().bind(viewModel.actionErrorProperty());
        Nodes.showWhenText(actionErrorLabel);
    }

    /** Shows the connection history as a list of fixed-height rows, up to a maximum. */
    private void bindTimeline() {
        ObservableList<TimelineRow> rows = viewModel.getHistory().getRows();
        Nodes.showWhen(timelinePane, Bindings.isNotEmpty(rows));
        timelinePane.textProperty().bind(Bindings.createStringBinding(
                () -> UiText.get("job.timeline.title", rows.size()), rows));
        timelinePane.expandedProperty()
                .bindBidirectional(viewModel.getHistory().expandedProperty());

        timelineList.setItems(rows);
        timelineList.setCellFactory(list -> new TimelineCell());
        timelineList.setFixedCellSize(TIMELINE_ROW_HEIGHT);
        timelineList.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(TIMELINE_MAX_ROWS, Math.max(1, rows.size())) * TIMELINE_ROW_HEIGHT
                        + TIMELINE_SPARE_HEIGHT, rows));
    }

    private void bindOutcomes() {
        showOutcomes();
        viewModel.getStrategyOutcomes().addListener(new WeakListChangeListener<>(outcomesListener));
        Nodes.showWhen(outcomeBox, Bindings.isNotEmpty(viewModel.getStrategyOutcomes()));
    }

    /** Shows one line per strategy. Lines wrap, so a long error is read whole. */
    private void showOutcomes() {
        List<Label> lines = new ArrayList<>();
        for (StrategyOutcome outcome : viewModel.getStrategyOutcomes()) {
            lines.add(outcomeLine(outcome));
        }
        strategyOutcomesBox.getChildren().setAll(lines);
    }

    /** Returns a line with a mark, and {@code :failed} when its strategy failed. */
    private static Label outcomeLine(StrategyOutcome outcome) {
        Label mark = new Label(outcome.succeeded() ? "\u2713" : "\u2715");
        mark.getStyleClass().add("outcome-mark");
        Label line = new Label(outcome.text(), mark);
        line.getStyleClass().add("outcome-line");
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        line.pseudoClassStateChanged(FAILED, !outcome.succeeded());
        return line;
    }

    private void bindCalendar() {
        Nodes.showWhen(calendarBox, calendar.availableProperty());
        calendarComboBox.setItems(calendar.getChoices());
        Nodes.showWhen(calendarComboBox, Bindings.size(calendar.getChoices()).greaterThan(1));
        Nodes.showWhen(calendarChoiceLabel, calendarComboBox.visibleProperty());
        calendarChoiceLabel.setLabelFor(calendarComboBox);
        showChoice(calendar.selectedChoiceProperty().get());
        calendar.selectedChoiceProperty().addListener(new WeakChangeListener<>(calendarChoiceListener));
        calendarComboBox.setOnAction(event -> calendar.select(calendarComboBox.getValue()));

        calendarStatusLabel.textProperty().bind(calendar.statusProperty());
        Nodes.showWhenText(calendarStatusLabel);
        ideasTable.setItems(calendar.getIdeas());
        dayColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().day()));
        titleColumn.setCellValueFactory(text(IdeaRow::title));
        formatColumn.setCellValueFactory(text(IdeaRow::format));
        keywordsColumn.setCellValueFactory(text(IdeaRow::keywords));
    }

    private void showChoice(CalendarChoice choice) {
        calendarComboBox.setValue(choice);
    }

    private static Callback<TableColumn.CellDataFeatures<IdeaRow, String>, ObservableValue<String>>
            text(Function<IdeaRow, String> getter) {
        return cell -> new ReadOnlyObjectWrapper<>(getter.apply(cell.getValue()));
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }

    @FXML
    private void regenerate() {
        viewModel.regenerate();
    }

    @FXML
    private void cancel() {
        JobActions.confirmAndCancel(viewModel, cancelButton.getScene().getWindow());
    }
}
