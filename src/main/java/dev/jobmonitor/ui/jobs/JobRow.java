package dev.jobmonitor.ui.jobs;

import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.WatchState;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/**
 * A row of the jobs table with its job's watch state as a pseudo-class, such as {@code :live}
 * or {@code :partly_failed}, so CSS can colour the row's progress bar by outcome as the job
 * detail does.
 */
public final class JobRow extends TableRow<JobViewModel> {
    private final ChangeListener<WatchState> stateListener =
            (observable, oldState, newState) -> showState(newState);
    private JobViewModel shownJob;

    public JobRow() {
        getStyleClass().add("job-row");
    }

    @Override
    protected void updateItem(JobViewModel job, boolean empty) {
        super.updateItem(job, empty);
        if (shownJob != null) {
            shownJob.connectionModeProperty().removeListener(stateListener);
            shownJob = null;
        }
        if (empty || job == null) {
            showState(null);
            return;
        }
        job.connectionModeProperty().addListener(stateListener);
        shownJob = job;
        showState(job.getConnectionMode());
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
