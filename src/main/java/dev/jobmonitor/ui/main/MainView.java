package dev.jobmonitor.ui.main;

import dev.jobmonitor.about.AppInfo;
import dev.jobmonitor.settings.Theme;
import dev.jobmonitor.ui.FxmlViews;
import dev.jobmonitor.ui.Nodes;
import dev.jobmonitor.ui.Themes;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.ui.WindowSettings;
import dev.jobmonitor.ui.audiences.AudienceCell;
import dev.jobmonitor.ui.audiences.AudienceItem;
import dev.jobmonitor.ui.help.AboutDialog;
import dev.jobmonitor.ui.help.HelpActions;
import dev.jobmonitor.ui.job.JobActions;
import dev.jobmonitor.ui.job.JobDetailView;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.ui.jobs.FullTextTooltipCell;
import dev.jobmonitor.ui.jobs.JobRow;
import dev.jobmonitor.ui.jobs.JobStateCell;
import dev.jobmonitor.ui.jobs.PinMarkerCell;
import dev.jobmonitor.ui.jobs.ProgressBarCell;
import dev.jobmonitor.ui.jobs.TooltipTextCell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Controller of {@code MainView.fxml}: binds the window to a {@link WorkspaceViewModel}. The
 * header and the sidebar show the current account, the jobs table the jobs of all accounts.
 */
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

    private final WorkspaceViewModel workspace;
    private final Runnable onAddAccount;
    private final WindowSettings windowSettings;
    private final BooleanProperty desktopNotifications;
    private final HelpActions help;
    private final JobFilter jobFilter;
    /** A field because the theme references it weakly, so an old view can be collected. */
    private final ChangeListener<Theme> themeMenuUpdater =
            (observable, oldTheme, theme) -> this.darkThemeMenuItem.setSelected(theme == Theme.DARK);
    /** The banners of each account, created once so their state survives a switch. */
    private final Map<MainViewModel, Parent> bannersByAccount = new HashMap<>();
    private final BooleanProperty selectedAccountExpired =
            new SimpleBooleanProperty(this, "selectedAccountExpired");
    private MainViewModel shownAccount;

    @FXML
    private MenuBar menuBar;
    @FXML
    private CheckMenuItem darkThemeMenuItem;
    @FXML
    private CheckMenuItem notificationsMenuItem;
    @FXML
    private CheckMenuItem notifyJobMenuItem;
    @FXML
    private Label audiencesTitleLabel;
    @FXML
    private Label jobsTitleLabel;
    @FXML
    private TextField jobFilterField;
    @FXML
    private SplitPane mainSplitPane;
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
    private MenuItem pinMenuItem;
    @FXML
    private MenuItem removeJobMenuItem;
    @FXML
    private MenuItem removeFinishedMenuItem;
    @FXML
    private MenuItem pinContextMenuItem;
    @FXML
    private MenuItem removeJobContextMenuItem;
    @FXML
    private MenuItem removeFinishedContextMenuItem;
    @FXML
    private Label serverLabel;
    @FXML
    private VBox accountBannersBox;
    @FXML
    private ToastStack toastStack;
    @FXML
    private Label userLabel;
    @FXML
    private ComboBox<MainViewModel> accountComboBox;
    @FXML
    private Label accountMessageLabel;
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
    private TableColumn<JobViewModel, Boolean> pinColumn;
    @FXML
    private TableColumn<JobViewModel, String> jobColumn;
    @FXML
    private TableColumn<JobViewModel, String> audiencesColumn;
    @FXML
    private TableColumn<JobViewModel, MainViewModel> accountColumn;
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

    private MainView(WorkspaceViewModel workspace, Runnable onAddAccount,
                     WindowSettings windowSettings, BooleanProperty desktopNotifications,
                     HelpActions help) {
        this.workspace = workspace;
        this.onAddAccount = onAddAccount;
        this.windowSettings = windowSettings;
        this.desktopNotifications = desktopNotifications;
        this.help = help;
        this.jobFilter = new JobFilter(workspace.getJobs());
    }

    /**
     * Loads the view bound to {@code workspace}. {@code onAddAccount} runs when the user asks
     * to add an account. The layout and theme are kept in {@code windowSettings}, the View menu
     * switches {@code desktopNotifications}, and the Help menu runs {@code help}. Call on the FX
     * thread.
     */
    public static Parent load(WorkspaceViewModel workspace, Runnable onAddAccount,
                              WindowSettings windowSettings, BooleanProperty desktopNotifications,
                              HelpActions help) {
        return FxmlViews.load("MainView.fxml", new MainView(workspace, onAddAccount,
                windowSettings, desktopNotifications, help));
    }

    @FXML
    private void initialize() {
        audiencesList.setCellFactory(list -> new AudienceCell());
        audiencesList.setPlaceholder(new Label(UiText.get("main.audiences.placeholder")));
        audiencesList.getSelectionModel().selectedItemProperty().addListener(
                (observable, oldItem, newItem) -> {
                    if (shownAccount != null) {
                        shownAccount.selectAudience(newItem);
                    }
                });
        bindAccounts();
        bindJobsTable();
        bindMenus();
        bindJobFilter();
        bindLabels();
        bindWindowSettings();
        workspace.selectedJobProperty().addListener((observable, oldJob, newJob) -> showJob(newJob));
        workspace.lastOutcomeNoticeProperty().addListener((observable, oldNotice, notice) -> {
            if (notice != null) {
                toastStack.showFx(notice, () -> workspace.selectJob(notice.jobId()));
            }
        });
    }

    private void bindWindowSettings() {
        windowSettings.layout().attach(mainSplitPane);
        windowSettings.layout().attach(jobsTable);
        Themes themes = windowSettings.themes();
        darkThemeMenuItem.setSelected(themes.getTheme() == Theme.DARK);
        themes.themeProperty().addListener(new WeakChangeListener<>(themeMenuUpdater));
    }

    /** Follows the accounts: their banners, the account selector and the current account. */
    private void bindAccounts() {
        BooleanBinding severalAccounts = Bindings.size(workspace.getAccounts()).greaterThan(1);
        workspace.getAccounts().addListener(
                (ListChangeListener<MainViewModel>) change -> showBannersFx(severalAccounts));
        showBannersFx(severalAccounts);

        accountComboBox.setItems(workspace.getAccounts());
        accountComboBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(MainViewModel account) {
                return account == null ? "" : account.getAccountLabel();
            }

            @Override
            public MainViewModel fromString(String text) {
                return null;
            }
        });
        Nodes.showWhen(accountComboBox, severalAccounts);
        accountComboBox.valueProperty().addListener(
                (observable, oldAccount, newAccount) -> workspace.selectAccount(newAccount));
        accountMessageLabel.textProperty().bind(workspace.accountMessageProperty());
        Nodes.showWhenText(accountMessageLabel);
        // NOTE: visibility is set, not bound, so a saved column layout may still change it.
        severalAccounts.addListener((observable, was, is) -> accountColumn.setVisible(is));
        accountColumn.setVisible(severalAccounts.get());

        workspace.currentAccountProperty().addListener(
                (observable, oldAccount, newAccount) -> showAccountFx(newAccount));
        showAccountFx(workspace.getCurrentAccount());
    }

    private void showBannersFx(ObservableBooleanValue severalAccounts) {
        bannersByAccount.keySet().retainAll(workspace.getAccounts());
        List<Parent> banners = new ArrayList<>();
        for (MainViewModel account : workspace.getAccounts()) {
            banners.add(bannersByAccount.computeIfAbsent(account,
                    key -> AccountBannersView.load(key, severalAccounts)));
        }
        accountBannersBox.getChildren().setAll(banners);
    }

    /** Binds the header and the sidebar to {@code account}, or clears them without one. */
    private void showAccountFx(MainViewModel account) {
        if (shownAccount != null) {
            openJobField.textProperty().unbindBidirectional(shownAccount.openJobIdProperty());
        }
        shownAccount = account;
        if (accountComboBox.getValue() != account) {
            accountComboBox.setValue(account);
        }
        if (account == null) {
            audiencesList.setItems(FXCollections.observableArrayList());
            return;
        }
        serverLabel.textProperty().bind(account.serverTextProperty());
        userLabel.textProperty().bind(account.userTextProperty());
        bindAudiences(account);
        bindOpenJob(account);
    }

    private void bindAudiences(MainViewModel account) {
        audiencesList.setItems(account.getAudiences());
        audiencesList.getSelectionModel().select(account.selectedAudienceProperty().get());
        fitAudiencesListToRows(account.getAudiences());
        Nodes.showWhen(audiencesProgressIndicator, account.loadingAudiencesProperty());
        // Requests need a valid session, so they wait for the user to sign in again.
        ObservableBooleanValue expired = account.getSessionExpiry().expiredProperty();
        refreshButton.disableProperty().bind(account.loadingAudiencesProperty().or(expired));
        regenerateButton.disableProperty()
                .bind(account.canRegenerateProperty().not().or(expired));
        audiencesMessageLabel.textProperty().bind(account.audiencesMessageProperty());
        Nodes.showWhenText(audiencesMessageLabel);
    }

    private void bindOpenJob(MainViewModel account) {
        openJobField.textProperty().bindBidirectional(account.openJobIdProperty());
        openJobButton.disableProperty().bind(account.openingJobProperty()
                .or(account.getSessionExpiry().expiredProperty()));
        openJobMessageLabel.textProperty().bind(account.openJobMessageProperty());
        Nodes.showWhenText(openJobMessageLabel);
    }

    private void bindJobsTable() {
        // Pinned jobs stay on top. Below them the user's column sort applies, else the accounts'
        // own order.
        jobFilter.showIn(jobsTable, WorkspaceViewModel.PINNED_FIRST);
        jobsTable.setRowFactory(table -> new JobRow());
        fitJobsTableToRows();
        pinColumn.setCellValueFactory(cell -> cell.getValue().pinnedProperty());
        pinColumn.setCellFactory(column -> new PinMarkerCell<>());
        accountColumn.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(workspace.accountOf(cell.getValue())));
        accountColumn.setCellFactory(column -> new TooltipTextCell<>(
                MainViewModel::getAccountLabel, MainViewModel::getAccountDescription));
        accountColumn.setComparator(Comparator.nullsLast(
                Comparator.comparing(MainViewModel::getAccountLabel)));
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
                        workspace.selectJob(newJob);
                    }
                });
    }

    /** Enables each menu item when the action it stands for can run now. */
    private void bindMenus() {
        followSelectedAccountExpiry();
        ObservableBooleanValue expired = selectedAccountExpired;
        refreshMenuItem.disableProperty().bind(refreshButton.disableProperty());
        regenerateMenuItem.disableProperty().bind(regenerateButton.disableProperty());
        openJobMenuItem.disableProperty().bind(openJobButton.disableProperty());
        BooleanBinding noJob = workspace.selectedJobProperty().isNull();
        // The binding reads each flag, so the flag stays valid and reports its next change.
        ObservableBooleanValue canRetry = selectedFlag(JobViewModel::canRetryProperty);
        retryMenuItem.disableProperty().bind(Bindings.createBooleanBinding(
                () -> expired.get() || !canRetry.get(), expired, canRetry));
        ObservableBooleanValue canCancel = selectedFlag(JobViewModel::canCancelProperty);
        cancelMenuItem.disableProperty().bind(Bindings.createBooleanBinding(
                () -> expired.get() || !canCancel.get(), expired, canCancel));
        BooleanBinding noJobs = Bindings.isEmpty(workspace.getJobs());
        nextJobMenuItem.disableProperty().bind(noJobs);
        previousJobMenuItem.disableProperty().bind(noJobs.or(noJob));
        bindJobListMenus(noJob);
        notificationsMenuItem.selectedProperty().bindBidirectional(desktopNotifications);
        bindNotifyJobMenuItem();
    }

    /** Lets "Notify me about this job" switch the selected job's notifications. */
    private void bindNotifyJobMenuItem() {
        notifyJobMenuItem.disableProperty().bind(workspace.selectedJobProperty().isNull());
        followSelectedNotify(null, workspace.selectedJobProperty().get());
        workspace.selectedJobProperty().addListener(
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
        // An empty table under a filter names the filter, rather than reporting no jobs at all.
        if (jobsTable.getPlaceholder() instanceof Label placeholder) {
            placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
                String filter = jobFilter.textProperty().get();
                return filter == null || filter.isBlank() || workspace.getJobs().isEmpty()
                        ? UiText.get("main.jobs.placeholder")
                        : UiText.get("main.jobs.noMatch", filter.strip());
            }, jobFilter.textProperty(), workspace.getJobs()));
        }
        jobFilterField.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && !jobFilterField.getText().isEmpty()) {
                jobFilterField.clear();
                event.consume();
            }
        });
    }

    /** Ties captions to their controls, so screen readers announce them with the control. */
    private void bindLabels() {
        audiencesTitleLabel.setLabelFor(audiencesList);
        jobsTitleLabel.setLabelFor(jobsTable);
    }

    /** Binds the pin and remove items of the Job menu and of the table's context menu. */
    private void bindJobListMenus(BooleanBinding noJob) {
        ObservableBooleanValue pinned = selectedFlag(JobViewModel::pinnedProperty);
        StringBinding pinText = Bindings.createStringBinding(() -> UiText.get(
                pinned.get() ? "menu.job.unpin" : "menu.job.pin"), pinned);
        for (MenuItem item : List.of(pinMenuItem, pinContextMenuItem)) {
            item.textProperty().bind(pinText);
            item.disableProperty().bind(noJob);
        }
        removeJobMenuItem.disableProperty().bind(noJob);
        removeJobContextMenuItem.disableProperty().bind(noJob);
        BooleanBinding noneFinished = Bindings.createBooleanBinding(
                () -> workspace.countRemovableFinishedJobs() == 0, workspace.getJobs());
        removeFinishedMenuItem.disableProperty().bind(noneFinished);
        removeFinishedContextMenuItem.disableProperty().bind(noneFinished);
    }

    /** Keeps {@link #selectedAccountExpired} at the expiry of the selected job's account. */
    private void followSelectedAccountExpiry() {
        workspace.selectedJobProperty().addListener((observable, oldJob, newJob) -> {
            selectedAccountExpired.unbind();
            MainViewModel account = workspace.accountOf(newJob);
            if (account == null) {
                selectedAccountExpired.set(false);
            } else {
                selectedAccountExpired.bind(account.getSessionExpiry().expiredProperty());
            }
        });
    }

    /** Returns the flag of the selected job, following the selection, or false without one. */
    private ObservableBooleanValue selectedFlag(
            Function<JobViewModel, ReadOnlyBooleanProperty> flag) {
        BooleanProperty current = new SimpleBooleanProperty(this, "selectedJobFlag");
        Consumer<JobViewModel> follow = job -> {
            current.unbind();
            if (job == null) {
                current.set(false);
            } else {
                current.bind(flag.apply(job));
            }
        };
        follow.accept(workspace.selectedJobProperty().get());
        workspace.selectedJobProperty().addListener(
                (observable, oldJob, newJob) -> follow.accept(newJob));
        return current;
    }

    /**
     * Lets the audiences list grow to its rows and no further, so a short list leaves the
     * window's background below the sidebar instead of a white box. A long list shrinks to the
     * space left, down to the minimum rows, and scrolls.
     */
    private void fitAudiencesListToRows(ObservableList<AudienceItem> audiences) {
        audiencesList.setFixedCellSize(ROW_HEIGHT);
        DoubleBinding height = Bindings.createDoubleBinding(
                () -> Math.max(MIN_ROWS, audiences.size()) * ROW_HEIGHT + SPARE_HEIGHT, audiences);
        audiencesList.prefHeightProperty().bind(height);
        audiencesList.maxHeightProperty().bind(height);
        audiencesList.setMinHeight(MIN_ROWS * ROW_HEIGHT + SPARE_HEIGHT);
    }

    /** Sizes the jobs table to its rows, between the minimum and maximum row counts. */
    private void fitJobsTableToRows() {
        jobsTable.setFixedCellSize(ROW_HEIGHT);
        ObservableList<JobViewModel> jobs = workspace.getJobs();
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
    private void addAccount() {
        onAddAccount.run();
    }

    @FXML
    private void retrySelectedJob() {
        JobViewModel job = workspace.getSelectedJob();
        if (job != null && job.canRetryProperty().get()) {
            job.retry();
        }
    }

    @FXML
    private void cancelSelectedJob() {
        JobViewModel job = workspace.getSelectedJob();
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

    /** Moves the selection in the table's current order, so it follows the shown sort. */
    private void moveJobSelection(int step) {
        ObservableList<JobViewModel> rows = jobsTable.getItems();
        if (rows.isEmpty()) {
            return;
        }
        int current = rows.indexOf(workspace.getSelectedJob());
        int next = current < 0 ? 0 : Math.max(0, Math.min(rows.size() - 1, current + step));
        workspace.selectJob(rows.get(next));
        jobsTable.scrollTo(next);
    }

    @FXML
    private void togglePinSelectedJob() {
        JobViewModel job = workspace.getSelectedJob();
        if (job != null) {
            workspace.togglePinned(job);
        }
    }

    @FXML
    private void removeSelectedJob() {
        JobViewModel job = workspace.getSelectedJob();
        if (job != null) {
            workspace.removeJob(job);
        }
    }

    @FXML
    private void removeFinishedJobs() {
        long count = workspace.countRemovableFinishedJobs();
        if (count == 0) {
            return;
        }
        Alert confirmation = new Alert(Alert.AlertType.CONFIRMATION,
                UiText.get("jobs.removeFinished.confirm.content"),
                ButtonType.OK, ButtonType.CANCEL);
        confirmation.initOwner(menuBar.getScene().getWindow());
        confirmation.setTitle(UiText.get("jobs.removeFinished.confirm.title"));
        confirmation.setHeaderText(UiText.get("jobs.removeFinished.confirm.header", count));
        confirmation.showAndWait()
                .filter(ButtonType.OK::equals)
                .ifPresent(button -> workspace.removeFinishedJobs());
    }

    @FXML
    private void signOut() {
        workspace.signOutCurrent();
    }

    @FXML
    private void refresh() {
        if (shownAccount != null) {
            shownAccount.refresh();
        }
    }

    @FXML
    private void regenerate() {
        if (shownAccount != null) {
            shownAccount.regenerateSelectedAudience();
        }
    }

    @FXML
    private void openJob() {
        workspace.openJob();
    }

    @FXML
    private void openSettings() {
        windowSettings.showDialogFx(menuBar.getScene().getWindow());
    }

    @FXML
    private void toggleDarkTheme() {
        windowSettings.themes().setTheme(darkThemeMenuItem.isSelected() ? Theme.DARK : Theme.LIGHT);
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
        help.copyDiagnosticsFx(workspace.getAccounts().stream()
                .map(account -> account.getSession().serverUrl().toString())
                .distinct()
                .toList());
        toastStack.showInfoFx(UiText.get("help.diagnostics.copied"));
    }

    @FXML
    private void showAbout() {
        AboutDialog.showFx(menuBar.getScene().getWindow(), AppInfo.load());
    }
}
