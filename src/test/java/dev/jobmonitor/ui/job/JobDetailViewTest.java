package dev.jobmonitor.ui.job;

import static dev.jobmonitor.ui.fakes.TestData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.model.ServerJobState;
import dev.jobmonitor.ui.ClockTicker;
import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeWatchedJob;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.ui.fakes.SnapshotBuilder;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.watch.JobText;
import dev.jobmonitor.watch.KnownJob;
import dev.jobmonitor.watch.TimelineEntry;
import dev.jobmonitor.watch.WatchState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class JobDetailViewTest {
    private static final String JOB_ID = "0f8e6d2c-1b2a-4c3d-9e8f-7a6b5c4d3e2f";
    private static final Map<String, String> NAMES =
            Map.of("aud-1", "Small bakeries", "aud-2", "Indie bookshops");

    private final FakeAccountSession session = new FakeAccountSession();
    private final MutableClock clock = new MutableClock(T0);
    private final ClockTicker ticker = new ClockTicker();
    private final NamedHost host = new NamedHost();
    private FakeWatchedJob watched;
    private JobViewModel viewModel;

    @Start
    void start(Stage stage) {
        session.addAudience(TestData.audience("aud-1", "Small bakeries",
                TestData.ideas("bread", 7), "2026-12-04T10:05:00Z"));
        session.addAudience(TestData.audience("aud-2", "Indie bookshops",
                TestData.ideas("books", 5), "2026-12-04T10:05:00Z"));
        KnownJob job = TestData.job(JOB_ID, "aud-1", "aud-2");
        viewModel = new JobViewModel(job,
                new JobContext(session, FxHandoff.onFxThread(), clock, ticker, host));
        viewModel.watch();
        watched = session.watchOf(JOB_ID);

        Scene scene = new Scene(JobDetailView.load(viewModel), 1000, 820);
        scene.getStylesheets().add(getClass().getResource("/dev/jobmonitor/ui/theme.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsProgressStepAndBadge(FxRobot robot) throws TimeoutException {
        // when
        watched.publish(running().progress(41).phase("keywords").strategy(1, 3)
                .step("Strategy 2 of 3: Loading SEO keywords").build());

        // then
        waitUntil(() -> progressBar(robot).getProgress() == 0.41);
        assertEquals("Loading SEO keywords", label(robot, "#stepLabel").getText());
        assertEquals("Strategy 2 of 3", label(robot, "#strategyBadgeLabel").getText());
        assertTrue(label(robot, "#strategyBadgeLabel").isVisible());
        assertEquals("41%", label(robot, "#progressLabel").getText());
        assertStep(robot, "audience", "done");
        assertStep(robot, "organization", "done");
        assertStep(robot, "keywords", "active");
        assertStep(robot, "generating", "pending");
        assertStep(robot, "saving", "pending");
    }

    @Test
    void badgeHiddenForSingleStrategy(FxRobot robot) throws TimeoutException {
        // when
        watched.publish(running().progress(23).phase("organization").strategy(0, 1)
                .step("Loading organization context").build());

        // then
        waitUntil(() -> progressBar(robot).getProgress() == 0.23);
        assertFalse(label(robot, "#strategyBadgeLabel").isVisible());
        assertEquals("Loading organization context", label(robot, "#stepLabel").getText());
    }

    @Test
    void trendsPhaseShowsNoteWithStepsPending(FxRobot robot) throws TimeoutException {
        // when
        watched.publish(running().progress(8).phase("trends").step("Fetching trending topics...")
                .eta(55, T0).lastUpdate(T0).build());

        // then
        waitUntil(() -> progressBar(robot).getProgress() == 0.08);
        Label note = label(robot, "#phaseNoteLabel");
        assertTrue(note.isVisible());
        assertEquals("Extra phase: trending topics", note.getText());
        for (String phase : List.of("audience", "organization", "keywords", "generating", "saving")) {
            assertStep(robot, phase, "pending");
        }
    }

    @Test
    void unknownPhaseNamesThePhase(FxRobot robot) throws TimeoutException {
        // when
        watched.publish(running().progress(30).phase("outlining").build());

        // then
        waitUntil(() -> label(robot, "#phaseNoteLabel").isVisible());
        assertEquals("Extra phase: outlining", label(robot, "#phaseNoteLabel").getText());
    }

    @Test
    void connectionModeShowsLabelAndDot(FxRobot robot) throws TimeoutException {
        // when
        watched.publish(running().state(WatchState.POLLING).progress(10)
                .notice("Stream dropped; checking status every few seconds").build());

        // then
        ConnectionIndicator indicator = robot.lookup("#connectionIndicator")
                .queryAs(ConnectionIndicator.class);
        waitUntil(() -> "Polling".equals(indicator.getText()));
        assertTrue(hasPseudoClass(indicator, "polling"));
        assertFalse(hasPseudoClass(indicator, "live"));
        assertEquals("Stream dropped; checking status every few seconds",
                label(robot, "#noticeLabel").getText());

        watched.publish(running().state(WatchState.LIVE).progress(12).build());
        waitUntil(() -> "Live".equals(indicator.getText()));
        assertTrue(hasPseudoClass(indicator, "live"));
        assertFalse(label(robot, "#noticeLabel").isVisible());
    }

    @Test
    void etaCountsDownAndNeverReachesZero(FxRobot robot) throws TimeoutException {
        // given
        watched.publish(running().progress(8).eta(40, T0).lastUpdate(T0).build());
        waitUntil(() -> "About 40s remaining".equals(label(robot, "#etaLabel").getText()));

        // when / then: one tick per simulated second, past the end of the estimate
        for (int second = 1; second <= 45; second++) {
            clock.advance(Duration.ofSeconds(1));
            robot.interact(ticker::tickFx);
            String eta = label(robot, "#etaLabel").getText();
            int remaining = 40 - second;
            String expected = remaining >= 1 ? "About " + remaining + "s remaining"
                    : "Taking longer than estimated";
            assertEquals(expected, eta, "after " + second + "s");
            assertFalse(eta.contains(" 0s") || eta.contains("-"), eta);
        }
        assertEquals("Last update 45s ago", label(robot, "#lastUpdateLabel").getText());
    }

    @Test
    void timelineTicksWithoutNewEvents(FxRobot robot) throws TimeoutException {
        // given
        robot.interact(ticker::startFx);
        watched.publish(running().progress(8).eta(55, T0).lastUpdate(T0).build());
        waitUntil(() -> "About 55s remaining".equals(label(robot, "#etaLabel").getText()));

        // when
        clock.advance(Duration.ofSeconds(65));

        // then
        waitUntil(() -> "Taking longer than estimated".equals(label(robot, "#etaLabel").getText()));
        assertEquals("Last update 1m 5s ago", label(robot, "#lastUpdateLabel").getText());
    }

    @Test
    void stillWorkingShowsDuringSilence(FxRobot robot) throws TimeoutException {
        // given
        watched.publish(running().progress(8).lastUpdate(T0).build());
        waitUntil(() -> progressBar(robot).getProgress() == 0.08);
        Node stillWorking = robot.lookup("#stillWorkingBox").query();
        assertFalse(stillWorking.isVisible());

        // when
        clock.advance(Duration.ofSeconds(12));
        robot.interact(ticker::tickFx);

        // then
        assertTrue(stillWorking.isVisible());
        assertEquals(0.08, progressBar(robot).getProgress(), "silence must not fake progress");
        watched.publish(running().progress(9).lastUpdate(clock.instant()).build());
        waitUntil(() -> !stillWorking.isVisible());
    }

    @Test
    void failedJobRetriesAndFollowsNewAttempt(FxRobot robot) throws TimeoutException {
        // given
        watched.publish(running().progress(59).phase("generating").lastUpdate(T0)
                .failed("OpenAI request timed out", "ETIMEDOUT").build());
        waitUntil(() -> button(robot, "#retryButton").isVisible());
        assertEquals("Job failed", label(robot, "#stepLabel").getText());
        assertEquals("OpenAI request timed out", label(robot, "#errorLabel").getText());
        assertEquals("Error code: ETIMEDOUT", label(robot, "#errorCodeLabel").getText());
        assertTrue(robot.lookup("#progressRow").query().isVisible());
        assertStep(robot, "keywords", "done");
        assertStep(robot, "generating", "failed");
        assertFalse(button(robot, "#cancelButton").isVisible());

        // when
        robot.clickOn("#retryButton");

        // then
        waitUntil(() -> watched.retryCount() == 1);
        assertTrue(button(robot, "#retryButton").isDisabled());
        watched.publish(SnapshotBuilder.running(JOB_ID).attempt(2).state(WatchState.CONNECTING)
                .serverState(ServerJobState.QUEUED).build());
        waitUntil(() -> progressBar(robot).getProgress() == 0);
        watched.publish(running().attempt(2).progress(23).phase("organization").build());
        waitUntil(() -> progressBar(robot).getProgress() == 0.23);
        assertFalse(button(robot, "#retryButton").isVisible());
        assertFalse(robot.lookup("#errorBox").query().isVisible());
        assertStep(robot, "organization", "active");
    }

    @Test
    void failureWithoutProgressHidesBar(FxRobot robot) throws TimeoutException {
        // when the watch learns only the error, as from the stream of a job that already failed
        watched.publish(running().failed("Connection terminated unexpectedly", "ECONNRESET")
                .build());

        // then
        waitUntil(() -> button(robot, "#retryButton").isVisible());
        assertFalse(robot.lookup("#progressRow").query().isVisible());
        assertFalse(robot.lookup("#phaseStepIndicator").query().isVisible());
        assertEquals("Job failed", label(robot, "#stepLabel").getText());
        assertEquals("Connection terminated unexpectedly", label(robot, "#errorLabel").getText());
    }

    @Test
    void failedRetryEnablesRetryAgain(FxRobot robot) throws TimeoutException {
        // given
        watched.publish(running().failed("Cancelled", null).build());
        waitUntil(() -> button(robot, "#retryButton").isVisible());
        robot.clickOn("#retryButton");
        waitUntil(() -> watched.retryCount() == 1);

        // when
        watched.publish(running().failed("Cancelled", null)
                .notice("Retry failed: server returned 503").build());

        // then
        waitUntil(() -> !button(robot, "#retryButton").isDisabled());
        assertEquals("Retry failed: server returned 503", label(robot, "#noticeLabel").getText());
    }

    @Test
    void partlyFailedListsErrorsAndRegenerates(FxRobot robot) throws TimeoutException {
        // given
        watched.publish(running().outcome(WatchState.PARTLY_FAILED, TestData.result(
                TestData.succeeded("aud-1", 30),
                TestData.failed("aud-2", "Failed to generate content calendar: rate limit")))
                .build());
        waitUntil(() -> button(robot, "#regenerateButton").isVisible());

        // then
        VBox outcomes = robot.lookup("#strategyOutcomesBox").queryAs(VBox.class);
        assertEquals(2, outcomes.getChildren().size());
        assertEquals("Small bakeries: 30 ideas", ((Label) outcomes.getChildren().get(0)).getText());
        assertEquals("Indie bookshops: Failed to generate content calendar: rate limit",
                ((Label) outcomes.getChildren().get(1)).getText());
        assertTrue(hasPseudoClass(outcomes.getChildren().get(1), "failed"));
        assertEquals("1 of 2 strategies failed", label(robot, "#stepLabel").getText());

        // when
        robot.clickOn("#regenerateButton");

        // then
        waitUntil(() -> session.requestedCalendars().equals(List.of("aud-2")));
    }

    @Test
    void succeededJobShowsIdeasTable(FxRobot robot) throws TimeoutException {
        // when
        watched.publish(running().outcome(WatchState.SUCCEEDED,
                TestData.result(TestData.succeeded("aud-1", 7))).build());

        // then
        TableView<?> table = robot.lookup("#ideasTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 7);
        IdeaRow first = (IdeaRow) table.getItems().get(0);
        assertEquals(1, first.day());
        assertEquals("bread idea 1", first.title());
        assertEquals("listicle", first.format());
        assertEquals("how to guide", ((IdeaRow) table.getItems().get(1)).format());
        assertEquals("bread, day 1", first.keywords());
        assertEquals("Calendar generated", label(robot, "#stepLabel").getText());
        for (String phase : List.of("audience", "organization", "keywords", "generating", "saving")) {
            assertStep(robot, phase, "done");
        }
        assertFalse(robot.lookup("#calendarComboBox").query().isVisible());
    }

    @Test
    void bundleJobLetsUserPickAudience(FxRobot robot) throws TimeoutException {
        // given
        watched.publish(running().outcome(WatchState.SUCCEEDED, TestData.result(
                TestData.succeeded("aud-1", 7), TestData.succeeded("aud-2", 5))).build());
        TableView<?> table = robot.lookup("#ideasTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 7);
        ComboBox<?> picker = robot.lookup("#calendarComboBox").queryAs(ComboBox.class);
        assertTrue(picker.isVisible());
        assertEquals(2, picker.getItems().size());

        // when
        robot.clickOn(picker).clickOn("Indie bookshops");

        // then
        waitUntil(() -> table.getItems().size() == 5);
        assertEquals("books idea 1", ((IdeaRow) table.getItems().get(0)).title());
    }

    @Test
    void cancelAsksForConfirmation(FxRobot robot) throws TimeoutException {
        // given
        watched.publish(running().progress(23).phase("organization").build());
        waitUntil(() -> progressBar(robot).getProgress() == 0.23);

        // when
        robot.clickOn("#cancelButton");
        waitUntil(() -> robot.lookup("OK").tryQuery().isPresent());
        robot.clickOn("OK");

        // then
        waitUntil(() -> watched.cancelCount() == 1);
        assertTrue(button(robot, "#cancelButton").isDisabled());
    }

    @Test
    void cancelDismissedDoesNothing(FxRobot robot) throws TimeoutException {
        // given
        watched.publish(running().progress(23).phase("organization").build());
        waitUntil(() -> progressBar(robot).getProgress() == 0.23);

        // when
        robot.clickOn("#cancelButton");
        waitUntil(() -> robot.lookup("Cancel").tryQuery().isPresent());
        robot.clickOn("Cancel");

        // then
        assertEquals(0, watched.cancelCount());
        assertFalse(button(robot, "#cancelButton").isDisabled());
    }

    @Test
    void pausedJobKeepsLastStateInGrey(FxRobot robot) throws TimeoutException {
        // given a running job with an estimate, then a long silence
        watched.publish(running().progress(41).phase("keywords").step("Loading SEO keywords")
                .eta(40, T0).lastUpdate(T0).build());
        waitUntil(() -> progressBar(robot).getProgress() == 0.41);
        clock.advance(Duration.ofSeconds(12));

        // when the session expires and the watch pauses
        watched.publish(running().state(WatchState.PAUSED).progress(41).phase("keywords")
                .step("Loading SEO keywords").eta(40, T0).lastUpdate(T0)
                .notice("signed out: sign in again to resume").build());

        // then the last known state stays, with nothing that claims the job is still followed
        ConnectionIndicator indicator = robot.lookup("#connectionIndicator")
                .queryAs(ConnectionIndicator.class);
        waitUntil(() -> "Paused".equals(indicator.getText()));
        robot.interact(ticker::tickFx);
        assertTrue(hasPseudoClass(indicator, "paused"));
        assertEquals(Color.web("#5f6c7b"), indicator.getTextFill(), "muted text of theme.css");
        assertEquals(Color.web("#9aa5b1"), fillOf(indicator.lookup(".connection-dot")));
        assertEquals(Color.web("#9aa5b1"), fillOf(progressBar(robot).lookup(".bar")));
        assertEquals(0.41, progressBar(robot).getProgress());
        assertEquals("Loading SEO keywords", label(robot, "#stepLabel").getText());
        assertFalse(label(robot, "#etaLabel").isVisible(), "no countdown while paused");
        assertFalse(robot.lookup("#stillWorkingBox").query().isVisible());
        assertTrue(button(robot, "#cancelButton").isDisabled());
    }

    @Test
    void notFoundJobShowsWarningNotOutcome(FxRobot robot) throws TimeoutException {
        // when the server has not found a running job for long
        String notice = JobText.NOT_FOUND_NOTICE_START
                + "10:00:00; it may have been deleted. Checking again every 5m.";
        watched.publish(running().state(WatchState.POLLING).progress(41).eta(40, T0)
                .lastUpdate(T0).notice(notice).build());
        clock.advance(Duration.ofSeconds(12));

        // then
        Node box = robot.lookup("#notFoundBox").query();
        waitUntil(box::isVisible);
        assertEquals(notice, label(robot, "#notFoundLabel").getText());
        assertFalse(label(robot, "#noticeLabel").isVisible(), "the box shows the notice");
        assertFalse(robot.lookup("#errorBox").query().isVisible());
        assertFalse(button(robot, "#retryButton").isVisible());
        assertEquals("Polling", robot.lookup("#connectionIndicator")
                .queryAs(ConnectionIndicator.class).getText());
        assertEquals("Not found", viewModel.stateTextProperty().get());
        assertEquals(0.41, progressBar(robot).getProgress());
        robot.interact(ticker::tickFx);
        assertFalse(label(robot, "#etaLabel").isVisible(), "nothing tells how far the job got");
        assertFalse(robot.lookup("#stillWorkingBox").query().isVisible());
    }

    @Test
    void stuckJobRegeneratesItsAudiences(FxRobot robot) throws TimeoutException {
        // given an attempt that stayed queued after Retry
        publishStuck();
        Node box = robot.lookup("#stuckBox").query();
        waitUntil(box::isVisible);
        assertEquals("Probably not re-run by the backend: queued since 10:00 after Retry.",
                label(robot, "#stuckLabel").getText());
        assertFalse(label(robot, "#noticeLabel").isVisible(), "the box replaces the notice");
        assertFalse(label(robot, "#stuckAudiencesUnknownLabel").isVisible());

        // when
        robot.clickOn("#stuckRegenerateButton");

        // then
        waitUntil(() -> host.started.size() == 2);
        assertEquals(List.of("aud-1", "aud-2"), session.requestedCalendars());
        assertEquals(List.of("job-new-1", "job-new-2"),
                host.started.stream().map(KnownJob::jobId).toList());
        assertFalse(label(robot, "#regenerateNoteLabel").isVisible());
    }

    @Test
    void stuckRegenerateSaysWhenNothingStarted(FxRobot robot) throws TimeoutException {
        // given a backend that returns the stuck job as the audiences' job in progress
        session.returnJobInProgress(JOB_ID);
        publishStuck();
        waitUntil(() -> robot.lookup("#stuckBox").query().isVisible());

        // when
        robot.clickOn("#stuckRegenerateButton");

        // then
        waitUntil(() -> label(robot, "#regenerateNoteLabel").isVisible());
        assertEquals("The backend returned the same stuck job (id 0f8e6d2c); it has not started"
                + " a new one. It will accept a new request once the job is 30 minutes old.",
                label(robot, "#regenerateNoteLabel").getText());
        assertEquals(List.of(), host.started, "no job is selected as if it were new");
        assertFalse(button(robot, "#stuckRegenerateButton").isDisabled(), "may be tried again");
    }

    @Test
    void timelineListsDropAndResumeNewestFirst(FxRobot robot) throws TimeoutException {
        // when
        watched.publish(running().progress(30).timeline(
                new TimelineEntry(T0, TimelineEntry.Kind.CONNECTED, "Stream connected"),
                new TimelineEntry(T0.plusSeconds(5), TimelineEntry.Kind.DROPPED,
                        "Stream lost: no data for 35 s"),
                new TimelineEntry(T0.plusSeconds(5), TimelineEntry.Kind.POLLING,
                        "Checking status while the stream is down"),
                new TimelineEntry(T0.plusSeconds(9), TimelineEntry.Kind.RESUMED,
                        "Stream back; polling stopped")).build());
        TitledPane pane = robot.lookup("#timelinePane").queryAs(TitledPane.class);
        waitUntil(pane::isVisible);
        assertEquals("Connection history (4)", pane.getText());
        robot.clickOn(pane.lookup(".title"));

        // then
        waitUntil(pane::isExpanded);
        ListView<?> list = robot.lookup("#timelineList").queryAs(ListView.class);
        assertEquals(List.of(
                new TimelineRow("10:00:09", TimelineEntry.Kind.RESUMED,
                        "Stream back; polling stopped"),
                new TimelineRow("10:00:05", TimelineEntry.Kind.POLLING,
                        "Checking status while the stream is down"),
                new TimelineRow("10:00:05", TimelineEntry.Kind.DROPPED,
                        "Stream lost: no data for 35 s"),
                new TimelineRow("10:00:00", TimelineEntry.Kind.CONNECTED, "Stream connected")),
                list.getItems());
        Node dropped = robot.lookup(".timeline-cell").match(node -> hasPseudoClass(node, "dropped"))
                .query();
        assertEquals("\u2715", ((Label) dropped.lookup(".timeline-marker")).getText());
        assertEquals("Stream lost: no data for 35 s",
                ((Label) dropped.lookup(".timeline-text")).getText());
        assertTrue(viewModel.getHistory().expandedProperty().get(),
                "kept for the next detail view");
    }

    private void publishStuck() {
        String notice = "Still queued since 10:00:00 after Retry: the backend probably did not"
                + " run it again.";
        watched.publish(SnapshotBuilder.running(JOB_ID).attempt(2).state(WatchState.LIVE)
                .queued(T0, true).lastUpdate(T0).notice(notice)
                .timeline(new TimelineEntry(T0.plusSeconds(120), TimelineEntry.Kind.STUCK, notice))
                .build());
    }

    private static Paint fillOf(Node region) {
        return ((Region) region).getBackground().getFills().get(0).getFill();
    }

    private static SnapshotBuilder running() {
        return SnapshotBuilder.running(JOB_ID);
    }

    private static void assertStep(FxRobot robot, String phase, String expected) {
        Node step = robot.lookup("#" + phase + "Step").query();
        for (String state : List.of("done", "active", "pending", "failed")) {
            assertEquals(state.equals(expected), hasPseudoClass(step, state),
                    phase + " step :" + state);
        }
    }

    private static boolean hasPseudoClass(Node node, String name) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(name));
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ProgressBar progressBar(FxRobot robot) {
        return robot.lookup("#progressBar").queryAs(ProgressBar.class);
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

    /**
     * Names the two test audiences, as the main view does once audiences are loaded, and
     * records the jobs that the job's view started.
     */
    private static final class NamedHost implements JobHost {
        final List<KnownJob> started = new CopyOnWriteArrayList<>();

        @Override
        public String audienceName(String audienceId) {
            return NAMES.get(audienceId);
        }

        @Override
        public void jobsStartedFx(List<KnownJob> jobs) {
            started.addAll(jobs);
        }

        @Override
        public void jobFinishedFx(JobViewModel job) {
        }
    }
}
