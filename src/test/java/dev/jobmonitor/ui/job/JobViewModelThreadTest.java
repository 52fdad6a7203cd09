package dev.jobmonitor.ui.job;

import static dev.jobmonitor.ui.fakes.TestData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.ui.ClockTicker;
import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.FakeWatchedJob;
import dev.jobmonitor.ui.fakes.MutableClock;
import dev.jobmonitor.ui.fakes.SnapshotBuilder;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.watch.JobSnapshot;
import dev.jobmonitor.watch.WatchState;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class JobViewModelThreadTest {
    private static final String JOB_ID = "job-threads";

    private final FakeAccountSession session = new FakeAccountSession();
    /** Distinct "property on thread" pairs, so a failure lists each culprit once. */
    private final Set<String> offThreadChanges = ConcurrentHashMap.newKeySet();
    private final AtomicInteger changes = new AtomicInteger();
    private JobViewModel viewModel;

    @Start
    void start(Stage stage) throws ReflectiveOperationException {
        session.addAudience(TestData.audience("aud-1", "Small bakeries", TestData.ideas("bread", 3),
                "2026-12-04T10:05:00Z"));
        viewModel = new JobViewModel(TestData.job(JOB_ID, "aud-1"), new JobContext(session,
                FxHandoff.onFxThread(), new MutableClock(T0), new ClockTicker(), JobHost.NONE));
        watchEveryProperty(viewModel);
        watchEveryProperty(viewModel.getCalendar());
        viewModel.watch();
        viewModel.open();
    }

    @Test
    void propertiesChangeOnlyOnFxThread(FxRobot robot) throws Exception {
        // given
        FakeWatchedJob watched = session.watchOf(JOB_ID);
        ExecutorService publishers = Executors.newFixedThreadPool(4);

        // when: four threads publish bursts besides the watch's own scheduler thread
        for (int thread = 0; thread < 4; thread++) {
            int offset = thread;
            publishers.execute(() -> {
                for (int progress = 0; progress < 90; progress++) {
                    watched.publish(running(progress + offset, progress % 5));
                }
            });
        }
        publishers.shutdown();
        assertTrue(publishers.awaitTermination(10, TimeUnit.SECONDS));
        watched.publish(SnapshotBuilder.running(JOB_ID).progress(59).phase("generating")
                .failed("OpenAI request timed out", "ETIMEDOUT").build());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> viewModel.getConnectionMode() == WatchState.FAILED);
        robot.interact(viewModel::retry);
        watched.publish(SnapshotBuilder.running(JOB_ID).attempt(2).outcome(WatchState.SUCCEEDED,
                TestData.result(TestData.succeeded("aud-1", 3))).build());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> viewModel.getCalendar().getIdeas().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertEquals(Set.of(), Set.copyOf(offThreadChanges));
        assertTrue(changes.get() > 10, "expected many property changes, saw " + changes.get());
    }

    private static JobSnapshot running(int progress, int phaseIndex) {
        String phase = List.of("audience", "organization", "keywords", "generating", "saving")
                .get(phaseIndex);
        return SnapshotBuilder.running(JOB_ID).progress(progress).phase(phase).strategy(0, 2)
                .step("Strategy 1 of 2: working").eta(60, T0).lastUpdate(T0).build();
    }

    /** Adds a listener that records changes off the FX thread to every public observable. */
    private void watchEveryProperty(Object bean) throws ReflectiveOperationException {
        for (Method method : bean.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || !Observable.class.isAssignableFrom(method.getReturnType())) {
                continue;
            }
            Observable observable = (Observable) method.invoke(bean);
            observable.addListener(invalidated -> {
                changes.incrementAndGet();
                if (!Platform.isFxApplicationThread()) {
                    offThreadChanges.add(method.getName() + " on " + Thread.currentThread().getName());
                }
            });
        }
    }
}
