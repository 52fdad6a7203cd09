package dev.jobmonitor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.demo.DemoBackend;
import dev.jobmonitor.demo.DemoConfig;
import dev.jobmonitor.demo.JobOutcome;
import dev.jobmonitor.demo.ProgressProfile;
import dev.jobmonitor.ui.MainWindow;
import dev.jobmonitor.ui.UiOptions;
import dev.jobmonitor.ui.audiences.AudienceItem;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.ui.job.PhaseStepIndicator;
import dev.jobmonitor.ui.job.StatusCard;
import dev.jobmonitor.watch.DefaultSignInService;
import dev.jobmonitor.watch.Phases;
import dev.jobmonitor.watch.WatchPolicy;
import dev.jobmonitor.watch.WatchState;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window against the real client core and the embedded demo backend: sign-in, the
 * jobs table, the job detail through a whole run, Retry, and the FX-thread rule. Each test
 * signs in first, then creates a job through the demo's control API and opens it by its id, so
 * the watch starts before the job leaves the queue however long the sign-in took.
 */
@ExtendWith(ApplicationExtension.class)
class WindowAgainstDemoTest {
    /**
     * A 40 s run takes 2 s and a 10 s queue wait 0.5 s: slow enough for the window to show
     * several updates of one run, fast enough to keep each test at a few seconds.
     */
    private static final double TIME_FACTOR = 0.05;
    /** Maximum wait for one condition. A whole run with a retry takes about 5 s here. */
    private static final long WAIT_SECONDS = 20;
    private static final double REAL_TIME = 1;
    private static final Pattern ZERO_OR_NEGATIVE = Pattern.compile("(^|\\D)0s|-\\d");

    @TempDir
    Path dataDir;

    private final HttpClients clients = new HttpClients();
    private Stage stage;
    private DemoBackend backend;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
    }

    @AfterEach
    void closeWindowAndBackend(FxRobot robot) {
        // Hiding the window closes the account session, which stops every watch.
        robot.interact(stage::hide);
        clients.close();
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void runningJobIsFollowedToSuccess(FxRobot robot) throws Exception {
        // given
        startBackend();
        openWindow(robot, REAL_TIME);

        // when signing in with Enter, opening a new job and selecting it
        robot.type(KeyCode.ENTER);
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        String jobId = newJob(1, JobOutcome.SUCCESS);
        openJob(robot, jobId);
        waitUntil(() -> jobs.getItems().size() == 1);
        robot.clickOn(jobId.substring(0, 8));
        waitUntil(() -> robot.lookup("#progressBar").tryQuery().isPresent());
        List<Number> progress = record(robot.lookup("#progressBar").queryAs(ProgressBar.class)
                .progressProperty(), robot);
        List<String> steps = record(label(robot, "#stepLabel").textProperty(), robot);

        // then
        waitUntil(() -> selectedJob(jobs).getConnectionMode() == WatchState.SUCCEEDED);
        assertEquals(jobId, selectedJob(jobs).getJobId());
        assertTrue(new LinkedHashSet<>(progress).size() >= 3,
                "progress should change at least twice, was " + progress);
        assertTrue(new LinkedHashSet<>(steps).size() >= 3,
                "step should change at least twice, was " + steps);
        assertEquals(1.0, progress.get(progress.size() - 1).doubleValue());
        assertEquals("Calendar generated", label(robot, "#stepLabel").getText());
        assertEquals(WatchState.SUCCEEDED,
                robot.lookup("#statusCard").queryAs(StatusCard.class).getState());
        waitUntil(() -> ideasTable(robot).getItems().size() == 30);
    }

    @Test
    void failedJobRetriesToSuccess(FxRobot robot) throws Exception {
        // given a job that fails halfway through its first run
        startBackend();
        openWindow(robot, REAL_TIME);
        signIn(robot);
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        String jobId = newJob(1, JobOutcome.JOB_FAILURE);
        openJob(robot, jobId);
        waitUntil(() -> jobs.getItems().size() == 1);
        robot.clickOn(jobId.substring(0, 8));
        waitUntil(() -> robot.lookup("#retryButton").tryQuery().map(Node::isVisible).orElse(false));
        Button retry = robot.lookup("#retryButton").queryAs(Button.class);
        waitUntil(() -> !retry.isDisabled());
        assertEquals("Connection terminated unexpectedly", label(robot, "#errorLabel").getText());
        assertTrue(robot.lookup("#errorBox").query().isVisible());
        ProgressBar bar = robot.lookup("#progressBar").queryAs(ProgressBar.class);
        double progressAtFailure = bar.getProgress();
        assertTrue(progressAtFailure > 0, "the run failed halfway, progress " + progressAtFailure);
        List<Number> progress = record(bar.progressProperty(), robot);

        // when
        robot.clickOn(retry);

        // then the new attempt starts from zero and succeeds
        waitUntil(() -> selectedJob(jobs).getConnectionMode() == WatchState.SUCCEEDED);
        assertTrue(progress.contains(0.0), "progress should restart from 0, was " + progress);
        assertEquals(1.0, progress.get(progress.size() - 1).doubleValue());
        assertEquals(2, selectedJob(jobs).getSnapshot().attempt());
        assertFalse(robot.lookup("#errorBox").query().isVisible());
        assertFalse(retry.isVisible());
        waitUntil(() -> ideasTable(robot).getItems().size() == 30);
    }

    @Test
    void wrongPasswordShowsMessage(FxRobot robot) throws Exception {
        // given
        startBackend();
        openWindow(robot, REAL_TIME);
        PasswordField password = robot.lookup("#passwordField").queryAs(PasswordField.class);
        robot.interact(() -> password.setText("not-the-password"));

        // when
        robot.clickOn("#signInButton");

        // then
        waitUntil(() -> "Wrong email or password.".equals(label(robot, "#errorLabel").getText()));
        assertTrue(label(robot, "#errorLabel").isVisible());
        assertTrue(robot.lookup("#signInButton").tryQuery().isPresent());
    }

    @Test
    void etaNeverShowsZeroOrLess(FxRobot robot) throws Exception {
        // given a job as the backend runs them today: an estimate of 55 s at 8 %, then silence
        // until the end. The client's clock runs 200 times faster, so the estimate runs out
        // 0.3 s after it arrived, while the job still runs for another 1.6 s.
        startBackend();
        openWindow(robot, 200);
        signIn(robot);
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        String jobId = newJob(1, JobOutcome.SUCCESS, ProgressProfile.CURRENT);
        openJob(robot, jobId);
        waitUntil(() -> jobs.getItems().size() == 1);
        robot.clickOn(jobId.substring(0, 8));
        waitUntil(() -> robot.lookup("#etaLabel").tryQuery().isPresent());
        List<String> etas = record(label(robot, "#etaLabel").textProperty(), robot);

        // when
        waitUntil(() -> selectedJob(jobs).getConnectionMode() == WatchState.SUCCEEDED);

        // then
        for (String text : etas) {
            assertFalse(ZERO_OR_NEGATIVE.matcher(text).find(), "ETA showed " + text);
        }
        assertTrue(etas.stream().anyMatch(text -> text.startsWith("About ")), "ETA texts: " + etas);
        assertTrue(etas.contains("Taking longer than estimated"), "ETA texts: " + etas);
        assertEquals("", label(robot, "#etaLabel").getText());
    }

    @Test
    void bundleJobShowsStrategyBadgeAndPhases(FxRobot robot) throws Exception {
        // given a job over three audiences in the documented profile
        startBackend();
        openWindow(robot, REAL_TIME);
        signIn(robot);
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        String jobId = newJob(3, JobOutcome.SUCCESS);
        openJob(robot, jobId);
        waitUntil(() -> jobs.getItems().size() == 1);

        // when
        robot.clickOn(jobId.substring(0, 8));
        waitUntil(() -> robot.lookup("#phaseStepIndicator").tryQuery().isPresent());
        PhaseStepIndicator steps = robot.lookup("#phaseStepIndicator").queryAs(PhaseStepIndicator.class);
        List<String> badges = record(label(robot, "#strategyBadgeLabel").textProperty(), robot);
        List<Integer> activeSteps = new CopyOnWriteArrayList<>();
        robot.interact(() -> steps.phaseProperty().addListener(
                (observable, oldPhase, newPhase) -> activeSteps.add(activeStep(steps))));

        // then, once Refresh found the job on its audiences, each of them reads "Generating…"
        robot.clickOn("#refreshButton");
        ListView<AudienceItem> audiences = robot.lookup("#audiencesList").query();
        waitUntil(() -> audiences.getItems().size() == 3
                && audiences.getItems().stream().allMatch(AudienceItem::isGenerating));
        assertEquals("Generating…", audiences.getItems().get(0).getCalendarText());

        // and the badge and the steps move through the run
        waitUntil(() -> selectedJob(jobs).getConnectionMode() == WatchState.SUCCEEDED);
        assertTrue(badges.contains("Strategy 2 of 3"), "badges seen: " + badges);
        assertTrue(badges.contains("Strategy 3 of 3"), "badges seen: " + badges);
        Set<Integer> distinctActive = new LinkedHashSet<>(activeSteps);
        distinctActive.remove(-1);
        assertTrue(distinctActive.size() >= 3, "active steps seen: " + activeSteps);
        for (int i = 0; i < Phases.KNOWN.size(); i++) {
            assertEquals(PhaseStepIndicator.StepState.DONE, steps.stepState(i));
        }
        waitUntil(() -> audiences.getItems().stream().noneMatch(AudienceItem::isGenerating));
    }

    @Test
    void viewModelsChangeOnlyOnFxThread(FxRobot robot) throws Exception {
        // given
        startBackend();
        openWindow(robot, REAL_TIME);
        signIn(robot);
        TableView<JobViewModel> jobs = waitForJobsTable(robot);
        String jobId = newJob(3, JobOutcome.SUCCESS);
        openJob(robot, jobId);
        waitUntil(() -> jobs.getItems().size() == 1);
        robot.clickOn(jobId.substring(0, 8));
        waitUntil(() -> selectedJob(jobs) != null);
        robot.clickOn("#refreshButton");
        ListView<AudienceItem> audiences = robot.lookup("#audiencesList").query();
        waitUntil(() -> audiences.getItems().size() == 3);
        ThreadRecorder recorder = new ThreadRecorder();
        robot.interact(() -> {
            recorder.watchEveryObservable(selectedJob(jobs));
            recorder.watchEveryObservable(selectedJob(jobs).getCalendar());
            audiences.getItems().forEach(recorder::watchEveryObservable);
            recorder.watch("jobs", jobs.getItems());
            recorder.watch("audiences", audiences.getItems());
        });

        // when the real network path feeds the window through a whole run
        waitUntil(() -> selectedJob(jobs).getConnectionMode() == WatchState.SUCCEEDED);
        waitUntil(() -> ideasTable(robot).getItems().size() == 30);

        // then
        assertEquals(Set.of(), Set.copyOf(recorder.offThreadChanges));
        assertTrue(recorder.changes.get() > 20, "expected many changes, saw " + recorder.changes);
    }

    private void startBackend() throws IOException {
        backend = DemoBackend.start(DemoConfig.defaults().toBuilder()
                .port(0)
                .timeFactor(TIME_FACTOR)
                .profile(ProgressProfile.DOCUMENTED)
                .seedData(false)
                .autoJobs(false)
                .queueDelay(Duration.ofSeconds(10))
                .jobDuration(Duration.ofSeconds(40), Duration.ofSeconds(40))
                .build());
    }

    /** Creates a job in the documented profile over new audiences without calendars. */
    private String newJob(int audienceCount, JobOutcome outcome) {
        return newJob(audienceCount, outcome, ProgressProfile.DOCUMENTED);
    }

    private String newJob(int audienceCount, JobOutcome outcome, ProgressProfile profile) {
        List<String> audienceIds = new ArrayList<>();
        for (int i = 0; i < audienceCount; i++) {
            audienceIds.add(backend.createAudience(DemoBackend.DEMO_EMAIL, false));
        }
        return backend.createJob(audienceIds, outcome, profile);
    }

    /**
     * Shows the sign-in view, with a client whose clock runs {@code clockSpeed} times faster than
     * real time. The watch policy is stretched by the same factor, because the watch measures
     * silence with that clock.
     */
    private void openWindow(FxRobot robot, double clockSpeed) {
        Clock clock = clockSpeed == REAL_TIME ? Clock.systemUTC() : new FastClock(clockSpeed);
        WatchPolicy policy = WatchPolicy.defaults().scaled(TIME_FACTOR * clockSpeed);
        DefaultSignInService signIn = new DefaultSignInService(clients, dataDir, clock, policy,
                (server, email) -> List.of());
        UiOptions options = new UiOptions(signIn, backend.baseUrl(), DemoBackend.DEMO_EMAIL,
                DemoBackend.DEMO_PASSWORD, "Demo backend running at " + backend.baseUrl(), clock);
        robot.interact(() -> MainWindow.show(stage, options));
    }

    private static void signIn(FxRobot robot) {
        robot.clickOn("#signInButton");
    }

    /** Opens a job through the "Open job" field, as a support engineer given an id would. */
    private static void openJob(FxRobot robot, String jobId) {
        TextField field = robot.lookup("#openJobField").queryAs(TextField.class);
        robot.interact(() -> field.setText(jobId));
        robot.clickOn("#openJobButton");
    }

    private static TableView<JobViewModel> waitForJobsTable(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#jobsTable").tryQuery().isPresent());
        return robot.lookup("#jobsTable").query();
    }

    private static JobViewModel selectedJob(TableView<JobViewModel> jobs) {
        return jobs.getSelectionModel().getSelectedItem();
    }

    private static TableView<?> ideasTable(FxRobot robot) {
        return robot.lookup("#ideasTable").query();
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    /** Returns the index of the step drawn as active, or -1. Call on the FX thread. */
    private static int activeStep(PhaseStepIndicator steps) {
        for (int i = 0; i < Phases.KNOWN.size(); i++) {
            if (steps.stepState(i) == PhaseStepIndicator.StepState.ACTIVE) {
                return i;
            }
        }
        return -1;
    }

    /** Records the current value of {@code value} and every later one, as seen on the FX thread. */
    private static <T> List<T> record(ObservableValue<T> value, FxRobot robot) {
        List<T> values = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            values.add(value.getValue());
            value.addListener((observable, oldValue, newValue) -> values.add(newValue));
        });
        return values;
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Listens to observables and notes every change that arrives off the FX thread. */
    private static final class ThreadRecorder {
        /** Distinct "observable on thread" pairs, so a failure names each culprit once. */
        final Set<String> offThreadChanges = ConcurrentHashMap.newKeySet();
        final AtomicInteger changes = new AtomicInteger();

        /** Listens to each Observable that a public no-argument method of {@code bean} returns. */
        void watchEveryObservable(Object bean) {
            for (Method method : bean.getClass().getMethods()) {
                if (method.getParameterCount() == 0
                        && Observable.class.isAssignableFrom(method.getReturnType())) {
                    watch(method.getName(), invoke(method, bean));
                }
            }
        }

        void watch(String name, Observable observable) {
            observable.addListener(invalidated -> {
                changes.incrementAndGet();
                if (!Platform.isFxApplicationThread()) {
                    offThreadChanges.add(name + " on " + Thread.currentThread().getName());
                }
            });
        }

        private static Observable invoke(Method method, Object bean) {
            try {
                return (Observable) method.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + method.getName(), e);
            }
        }
    }

    /** A clock that starts at the real time and then runs {@code speed} times faster. */
    private static final class FastClock extends Clock {
        private final Instant origin = Instant.now();
        private final long originNanos = System.nanoTime();
        private final double speed;

        FastClock(double speed) {
            this.speed = speed;
        }

        @Override
        public Instant instant() {
            long elapsed = System.nanoTime() - originNanos;
            return origin.plusNanos(Math.round(elapsed * speed));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("FastClock runs in UTC only");
        }
    }
}
