package dev.jobmonitor.ui.jobs;

import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.WatchState;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/**
 * A row of the jobs table with its job's watch state as a pseudo-class, such as {@code :live}
 * or {@code :partly_failed}, and {@code :not_found} while the server cannot find the job, so
 * CSS can colour the row's progress bar and state as the job detail does.
 */
public final class JobRow extends TableRow<JobViewModel> {
    private static final PseudoClass NOT_FOUND = PseudoClass.getPseudoClass("not_found");

    private final ChangeListener<WatchState> stateListener =
            (observable, oldState, newState) -> showState(newState);
    private final ChangeListener<Boolean> notFoundListener =
            (observable, was, is) -> pseudoClassStateChanged(NOT_FOUND, is);
    private JobViewModel shownJob;

    public JobRow() {
        getStyleClass().add("job-row");
    }

    @Override
    protected void updateItem(JobViewModel job, boolean empty) {
        super.updateItem(job, empty);
        if (shownJob != null) {
            shownJob.connectionModeProperty().removeListener(stateListener);
            shownJob.getWarnings().notFoundProperty().removeListener(notFoundListener);
            shownJob = null;
        }
        if (empty || job == null) {
            showState(null);
            pseudoClassStateChanged(NOT_FOUND, false);
            return;
        }
        job.connectionModeProperty().addListener(stateListener);
        job.getWarnings().notFoundProperty().addListener(notFoundListener);
        shownJob = job;
        showState(job.getConnectionMode());
        pseudoClassStateChanged(NOT_FOUND, job.getWarnings().isNotFound());
    }

    private void showState(WatchState current) {
        for (WatchState each : WatchState.values()) {
            pseudoClassStateChanged(pseudoClassOf(each), each == current);
        }
    }

    private static PseudoClass pseudoClassOf(WatchState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }
}
