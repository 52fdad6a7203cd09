package dev.jobmonitor.ui.main;

import dev.jobmonitor.ui.FxmlViews;
import dev.jobmonitor.ui.Nodes;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.ui.audiences.AudienceCell;
import dev.jobmonitor.ui.audiences.AudienceItem;
import dev.jobmonitor.ui.help.HelpActions;
import dev.jobmonitor.ui.job.JobActions;
import dev.jobmonitor.ui.job.JobDetailView;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.ui.jobs.FullTextTooltipCell;
import dev.jobmonitor.ui.jobs.JobRow;
import dev.jobmonitor.ui.jobs.JobStateCell;
import dev.jobmonitor.ui.jobs.ProgressBarCell;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Controller of {@code MainView.fxml}: binds the account's screen to a {@link MainViewModel}. */
public final class MainView {
    /**
     * Row height of the jobs table and the audiences list, as {@code -fx-cell-size} in
     * theme.css.
     */
    private static final double ROW_HEIGHT = 34;
    /** Height of the column headers ({@code -fx-size} in theme.css) and the table's border. */
    private static final double JOBS_HEADER_HEIGHT = 36;
    /** Enough rows for the placeholder text of an empty list or table. */
    private static final int MIN_ROWS = 3;
    /** More jobs scroll, so the audiences list keeps its space. */
    private static final int MAX_JOB_ROWS = 8;
    /** Spare pixels below the last row, so rounding never adds a vertical scroll bar. */
    private static final double SPARE_HEIGHT = 4;

    private final MainViewModel viewModel;
    private final BooleanProperty desktopNotifications;
    private final HelpActions help;
    private final JobFilter jobFilter;

    @FXML
    private MenuBar menuBar;
    @FXML
    private MenuItem refreshMenuItem;
    @FXML
    private MenuItem openJobMenuItem;
    @FXML
    private MenuItem retryMenuItem;
    @FXML
    private MenuItem cancelMenuItem;
    @FXML
    private MenuItem regenerateMenuItem;
    @FXML
    private MenuItem nextJobMenuItem;
    @FXML
    private MenuItem previousJobMenuItem;
    @FXML
    private CheckMenuItem notificationsMenuItem;
    @FXML
    private CheckMenuItem notifyJobMenuItem;
    @FXML
    private Label sessionPasswordLabel;
    @FXML
    private Label audiencesTitleLabel;
    @FXML
    private Label jobsTitleLabel;
    @FXML
    private TextField jobFilterField;
    @FXML
    private Label serverLabel;
    @FXML
    private VBox sessionBanner;
    @FXML
    private Label sessionEmailLabel;
    @FXML
    private Label sessionServerLabel;
    @FXML
    private PasswordField sessionPasswordField;
    @FXML
    private Button sessionSignInButton;
    @FXML
    private ProgressIndicator sessionProgressIndicator;
    @FXML
    private Label sessionErrorLabel;
    @FXML
    private HBox requestLimitBar;
    @FXML
    private Label requestLimitLabel;
    @FXML
    private ToastStack toastStack;
    @FXML
    private Label userLabel;
    @FXML
    private ProgressIndicator audiencesProgressIndicator;
    @FXML
    private Button refreshButton;
    @FXML
    private ListView<AudienceItem> audiencesList;
    @FXML
    private Button regenerateButton;
    @FXML
    private Label audiencesMessageLabel;
    @FXML
    private TextField openJobField;
    @FXML
    private Button openJobButton;
    @FXML
    private Label openJobMessageLabel;
    @FXML
    private TableView<JobViewModel> jobsTable;
    @FXML
    private TableColumn<JobViewModel, String> jobColumn;
    @FXML
    private TableColumn<JobViewModel, String> audiencesColumn;
    @FXML
    private TableColumn<JobViewModel, Number> progressColumn;
    @FXML
    private TableColumn<JobViewModel, String> stateColumn;
    @FXML
    private TableColumn<JobViewModel, String> updatedColumn;
    @FXML
    private StackPane detailPane;
    @FXML
    private Label detailPlaceholderLabel;

    private MainView(MainViewModel viewModel, BooleanProperty desktopNotifications,
                     HelpActions help) {
        this.viewModel = viewModel;
        this.desktopNotifications = desktopNotifications;
        this.help = help;
        this.jobFilter = new JobFilter(viewModel.getJobs());
    }

    /**
     * Loads the view bound to {@code viewModel}; the View menu switches
     * {@code desktopNotifications}, and the Help menu runs {@code help}. Call on the FX thread.
     */
    public static Parent load(MainViewModel viewModel, BooleanProperty desktopNotifications,
                              HelpActions help) {
        return FxmlViews.load("MainView.fxml",
                new MainView(viewModel, desktopNotifications, help));
    }

    @FXML
    private void initialize() {
        serverLabel.textProperty().bind(viewModel.serverTextProperty());
        userLabel.textProperty().bind(viewModel.userTextProperty());
        bindSessionBanner();
        bindRequestLimit();
        bindAudiences();
        bindOpenJob();
        bindJobsTable();
        bindMenus();
        bindJobFilter();
        bindLabels();
        viewModel.selectedJobProperty().addListener((observable, oldJob, newJob) -> showJob(newJob));
        viewModel.lastOutcomeNoticeProperty().addListener((observable, oldNotice, notice) -> {
            if (notice != null) {
                toastStack.showFx(notice, () -> viewModel.selectJob(notice.jobId()));
            }
        });
    }

    private void bindSessionBanner() {
        SessionExpiryViewModel expiry = viewModel.getSessionExpiry();
        Nodes.showWhen(sessionBanner, expiry.expiredProperty());
        sessionEmailLabel.textProperty().bind(expiry.emailProperty());
        sessionServerLabel.textProperty().bind(expiry.serverProperty());
        sessionPasswordField.textProperty().bindBidirectional(expiry.passwordProperty());
        sessionPasswordField.disableProperty().bind(expiry.signingInProperty());
        sessionSignInButton.disableProperty().bind(expiry.canSignInProperty().not());
        Nodes.showWhen(sessionProgressIndicator, expiry.signingInProperty());
        sessionErrorLabel.textProperty().bind(expiry.errorMessageProperty());
        Nodes.showWhenText(sessionErrorLabel);

        // The password is what the user types next: when the banner appears, and after a
        // failed attempt, which disabled the field while it ran.
        expiry.expiredProperty().addListener((observable, was, is) -> {
            if (is) {
                sessionPasswordField.requestFocus();
            }
        });
        expiry.signingInProperty().addListener((observable, was, is) -> {
            if (!is && expiry.isExpired()) {
                sessionPasswordField.requestFocus();
                sessionPasswordField.selectAll();
            }
        });
    }

    private void bindRequestLimit() {
        RequestLimitViewModel limit = viewModel.getRequestLimit();
        Nodes.showWhen(requestLimitBar, limit.waitingProperty());
        requestLimitLabel.textProperty().bind(limit.textProperty());
    }

    private void bindAudiences() {
        audiencesList.setItems(viewModel.getAudiences());
        fitAudiencesListToRows();
        audiencesList.setCellFactory(list -> new AudienceCell());
        audiencesList.setPlaceholder(new Label(UiText.get("main.audiences.placeholder")));
        audiencesList.getSelectionModel().selectedItemProperty().addListener(
                (observable, oldItem, newItem) -> viewModel.selectAudience(newItem));
        Nodes.showWhen(audiencesProgressIndicator, viewModel.loadingAudiencesProperty());
        // Requests need a valid session, so they wait for the user to sign in again.
        ObservableBooleanValue expired = viewModel.getSessionExpiry().expiredProperty();
        refreshButton.disableProperty().bind(viewModel.loadingAudiencesProperty().or(expired));
        regenerateButton.disableProperty()
                .bind(viewModel.canRegenerateProperty().not().or(expired));
        audiencesMessageLabel.textProperty().bind(viewModel.audiencesMessageProperty());
        Nodes.showWhenText(audiencesMessageLabel);
    }

    private void bindOpenJob() {
        openJobField.textProperty().bindBidirectional(viewModel.openJobIdProperty());
        openJobButton.disableProperty().bind(viewModel.openingJobProperty()
                .or(viewModel.getSessionExpiry().expiredProperty()));
        openJobMessageLabel.textProperty().bind(viewModel.openJobMessageProperty());
        Nodes.showWhenText(openJobMessageLabel);
    }

    private void bindJobsTable() {
        jobFilter.showIn(jobsTable);
        jobsTable.setRowFactory(table -> new JobRow());
        fitJobsTableToRows();
        jobColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getShortId()));
        audiencesColumn.setCellValueFactory(cell -> cell.getValue().audienceNamesProperty());
        audiencesColumn.setCellFactory(column -> new FullTextTooltipCell<>());
        progressColumn.setCellValueFactory(cell -> cell.getValue().progressProperty());
        progressColumn.setCellFactory(column -> new ProgressBarCell<>());
        stateColumn.setCellValueFactory(cell -> cell.getValue().stateTextProperty());
        stateColumn.setCellFactory(column -> new JobStateCell<>());
        updatedColumn.setCellValueFactory(cell -> cell.getValue().updatedAgoTextProperty());
        jobsTable.getSelectionModel().selectedItemProperty().addListener(
                (observable, oldJob, newJob) -> {
                    if (newJob != null) {
                        viewModel.selectJob(newJob);
                    }
                });
    }

    /** Enables each menu item when the action it stands for can run now. */
    private void bindMenus() {
        ObservableBooleanValue expired = viewModel.getSessionExpiry().expiredProperty();
        refreshMenuItem.disableProperty().bind(refreshButton.disableProperty());
        regenerateMenuItem.disableProperty().bind(regenerateButton.disableProperty());
        openJobMenuItem.disableProperty().bind(openJobButton.disableProperty());
        BooleanBinding noJob = viewModel.selectedJobProperty().isNull();
        retryMenuItem.disableProperty().bind(Bindings.createBooleanBinding(
                () -> expired.get() || !selectedJobCan(JobViewModel::canRetryProperty),
                viewModel.selectedJobProperty(), expired, selectedFlag(JobViewModel::canRetryProperty)));
        cancelMenuItem.disableProperty().bind(Bindings.createBooleanBinding(
                () -> expired.get() || !selectedJobCan(JobViewModel::canCancelProperty),
                viewModel.selectedJobProperty(), expired, selectedFlag(JobViewModel::canCancelProperty)));
        BooleanBinding noJobs = Bindings.isEmpty(viewModel.getJobs());
        nextJobMenuItem.disableProperty().bind(noJobs);
        previousJobMenuItem.disableProperty().bind(noJobs.or(noJob));
        notificationsMenuItem.selectedProperty().bindBidirectional(desktopNotifications);
        bindNotifyJobMenuItem();
    }

    /** Lets "Notify me about this job" switch the selected job's notifications. */
    private void bindNotifyJobMenuItem() {
        notifyJobMenuItem.disableProperty().bind(viewModel.selectedJobProperty().isNull());
        followSelectedNotify(null, viewModel.getSelectedJob());
        viewModel.selectedJobProperty().addListener(
                (observable, oldJob, newJob) -> followSelectedNotify(oldJob, newJob));
    }

    private void followSelectedNotify(JobViewModel oldJob, JobViewModel newJob) {
        if (oldJob != null) {
            notifyJobMenuItem.selectedProperty().unbindBidirectional(oldJob.notifyProperty());
        }
        if (newJob == null) {
            notifyJobMenuItem.setSelected(false);
        } else {
            notifyJobMenuItem.selectedProperty().bindBidirectional(newJob.notifyProperty());
        }
    }

    /** Filters the jobs table as the user types; Escape clears the filter. */
    private void bindJobFilter() {
        jobFilterField.textProperty().bindBidirectional(jobFilter.textProperty());
        jobFilterField.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && !jobFilterField.getText().isEmpty()) {
                jobFilterField.clear();
                event.consume();
            }
        });
    }

    /** Ties captions to their controls, so screen readers announce them with the control. */
    private void bindLabels() {
        sessionPasswordLabel.setLabelFor(sessionPasswordField);
        audiencesTitleLabel.setLabelFor(audiencesList);
        jobsTitleLabel.setLabelFor(jobsTable);
    }

    private boolean selectedJobCan(Function<JobViewModel, ReadOnlyBooleanProperty> flag) {
        JobViewModel job = viewModel.selectedJobProperty().get();
        return job != null && flag.apply(job).get();
    }

    /** The flag of the selected job, following the selection; false without one. */
    private ObservableBooleanValue selectedFlag(Function<JobViewModel, ReadOnlyBooleanProperty> flag) {
        BooleanProperty current = new SimpleBooleanProperty(this, "selectedJobFlag");
        viewModel.selectedJobProperty().addListener((observable, oldJob, newJob) -> {
            current.unbind();
            if (newJob == null) {
                current.set(false);
            } else {
                current.bind(flag.apply(newJob));
            }
        });
        return current;
    }

    /**
     * Lets the audiences list grow to its rows and no further, so a short list leaves the
     * window's background below the sidebar instead of a white box. A long list shrinks to the
     * space left, down to the minimum rows, and scrolls.
     */
    private void fitAudiencesListToRows() {
        audiencesList.setFixedCellSize(ROW_HEIGHT);
        ObservableList<AudienceItem> audiences = viewModel.getAudiences();
        DoubleBinding height = Bindings.createDoubleBinding(
                () -> Math.max(MIN_ROWS, audiences.size()) * ROW_HEIGHT + SPARE_HEIGHT, audiences);
        audiencesList.prefHeightProperty().bind(height);
        audiencesList.maxHeightProperty().bind(height);
        audiencesList.setMinHeight(MIN_ROWS * ROW_HEIGHT + SPARE_HEIGHT);
    }

    /** Sizes the jobs table to its rows, between the minimum and maximum row counts. */
    private void fitJobsTableToRows() {
        jobsTable.setFixedCellSize(ROW_HEIGHT);
        ObservableList<JobViewModel> jobs = viewModel.getJobs();
        DoubleBinding height = Bindings.createDoubleBinding(() -> {
            int rows = Math.max(MIN_ROWS, Math.min(MAX_JOB_ROWS, jobs.size()));
            return JOBS_HEADER_HEIGHT + rows * ROW_HEIGHT + SPARE_HEIGHT;
        }, jobs);
        jobsTable.prefHeightProperty().bind(height);
        jobsTable.minHeightProperty().bind(height);
    }

    private void showJob(JobViewModel job) {
        if (job == null) {
            detailPane.getChildren().setAll(detailPlaceholderLabel);
            return;
        }
        if (jobsTable.getSelectionModel().getSelectedItem() != job) {
            jobsTable.getSelectionModel().select(job);
        }
        detailPane.getChildren().setAll(JobDetailView.load(job));
    }

    @FXML
    private void quit() {
        menuBar.getScene().getWindow().hide();
    }

    @FXML
    private void focusOpenJob() {
        openJobField.requestFocus();
        openJobField.selectAll();
    }

    @FXML
    private void focusJobFilter() {
        jobFilterField.requestFocus();
        jobFilterField.selectAll();
    }

    @FXML
    private void openLogFolder() {
        help.openLogFolderFx(menuBar.getScene().getWindow());
    }

    @FXML
    private void copyDiagnostics() {
        help.copyDiagnosticsFx(List.of(viewModel.serverTextProperty().get()));
    }

    @FXML
    private void retrySelectedJob() {
        JobViewModel job = viewModel.selectedJobProperty().get();
        if (job != null && job.canRetryProperty().get()) {
            job.retry();
        }
    }

    @FXML
    private void cancelSelectedJob() {
        JobViewModel job = viewModel.selectedJobProperty().get();
        if (job != null) {
            JobActions.confirmAndCancel(job, menuBar.getScene().getWindow());
        }
    }

    @FXML
    private void selectNextJob() {
        moveJobSelection(1);
    }

    @FXML
    private void selectPreviousJob() {
        moveJobSelection(-1);
    }

    /** Moves the selection in the table's current order, so it follows the sort the user sees. */
    private void moveJobSelection(int step) {
        ObservableList<JobViewModel> rows = jobsTable.getItems();
        if (rows.isEmpty()) {
            return;
        }
        int current = rows.indexOf(viewModel.selectedJobProperty().get());
        int next = current < 0 ? 0 : Math.max(0, Math.min(rows.size() - 1, current + step));
        viewModel.selectJob(rows.get(next));
        jobsTable.scrollTo(next);
    }

    @FXML
    private void signOut() {
        viewModel.signOut();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void regenerate() {
        viewModel.regenerateSelectedAudience();
    }

    @FXML
    private void openJob() {
        viewModel.openJob();
    }

    /** Handles the banner's Sign-in button and Enter in its password field. */
    @FXML
    private void signInAgain() {
        viewModel.getSessionExpiry().signIn();
    }
}
