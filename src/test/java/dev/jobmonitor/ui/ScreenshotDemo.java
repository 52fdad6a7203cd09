package dev.jobmonitor.ui;

import dev.jobmonitor.api.model.ServerJobState;
import dev.jobmonitor.ui.fakes.FakeAccountSession;
import dev.jobmonitor.ui.fakes.SnapshotBuilder;
import dev.jobmonitor.ui.fakes.TestData;
import dev.jobmonitor.ui.job.JobViewModel;
import dev.jobmonitor.watch.KnownJob;
import dev.jobmonitor.watch.WatchState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Shows the window with fake data, for screenshots. The first argument picks the screen:
 * {@code signin}, or {@code running}, {@code trends}, {@code failed}, {@code succeeded} or
 * {@code partly} for the main view with that job selected.
 */
public final class ScreenshotDemo {
    private static final String BUNDLE_JOB = "3f9c2a71-5b8e-4d0a-9c41-2e7d8b6a1f05";
    private static final String TRENDS_JOB = "8a1e4c90-2f3b-4e6d-a7c5-91b0d3e2f478";
    private static final String FAILED_JOB = "c47d0e12-9a8b-4f3c-b2d1-6e5f4a3b2c19";
    private static final String SUCCEEDED_JOB = "e2b5f8a3-7c6d-4b1e-8f9a-0d3c2b1a4e57";
    private static final String PARTLY_JOB = "5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5";

    private ScreenshotDemo() {
    }

    public static void main(String[] args) {
        String screen = args.length == 0 ? "signin" : args[0];
        Platform.startup(() -> show(screen));
    }

    private static void show(String screen) {
        FakeAccountSession session = demoSession();
        UiOptions options = new UiOptions(
                (url, email, password) -> CompletableFuture.completedFuture(session),
                "http://127.0.0.1:41873", "demo@example.test", "demo1234",
                "Demo backend running at http://127.0.0.1:41873", Clock.systemUTC());
        Stage stage = new Stage();
        MainWindow.show(stage, options);
        if (screen.equals("signin")) {
            return;
        }
        Scene scene = stage.getScene();
        ((Button) scene.lookup("#signInButton")).fire();
        later(0.8, () -> {
            publishSnapshots(session);
            later(0.6, () -> selectJob(stage.getScene(), jobFor(screen)));
        });
    }

    private static String jobFor(String screen) {
        switch (screen) {
            case "trends":
                return TRENDS_JOB;
            case "failed":
                return FAILED_JOB;
            case "succeeded":
                return SUCCEEDED_JOB;
            case "partly":
                return PARTLY_JOB;
            default:
                return BUNDLE_JOB;
        }
    }

    private static FakeAccountSession demoSession() {
        FakeAccountSession session = new FakeAccountSession();
        session.addAudience(TestData.audience("aud-bakery", "Neighbourhood bakeries",
                TestData.ideas("sourdough", 7), "2026-12-01T08:00:00Z"));
        session.addAudience(TestData.audience("aud-books", "Independent bookshops",
                List.of(), null));
        session.addAudience(TestData.audience("aud-gyms", "Boutique fitness studios",
                List.of(), null));
        session.addAudience(TestData.audience("aud-vets", "Rural veterinary clinics",
                TestData.ideas("pet care", 7), "2026-11-28T15:30:00Z"));
        session.addAudience(TestData.audience("aud-brewery", "Craft breweries",
                List.of(), null));
        session.addKnownJob(job(PARTLY_JOB, "aud-vets", "aud-gyms"));
        session.addKnownJob(job(SUCCEEDED_JOB, "aud-bakery"));
        session.addKnownJob(job(FAILED_JOB, "aud-vets"));
        session.addKnownJob(job(TRENDS_JOB, "aud-brewery"));
        session.addKnownJob(job(BUNDLE_JOB, "aud-books", "aud-gyms", "aud-brewery"));
        return session;
    }

    private static void publishSnapshots(FakeAccountSession session) {
        Instant now = Instant.now();
        session.watchOf(BUNDLE_JOB).publish(SnapshotBuilder.running(BUNDLE_JOB).progress(41)
                .phase("keywords").strategy(1, 3).step("Strategy 2 of 3: Loading SEO keywords")
                .eta(53, now.minusSeconds(5)).lastUpdate(now.minusSeconds(5)).build());
        session.watchOf(TRENDS_JOB).publish(SnapshotBuilder.running(TRENDS_JOB).progress(8)
                .state(WatchState.POLLING).phase("trends").step("Fetching trending topics...")
                .eta(55, now.minusSeconds(95)).lastUpdate(now.minusSeconds(95))
                .notice("The live stream dropped; checking status every 5 seconds.").build());
        session.watchOf(FAILED_JOB).publish(SnapshotBuilder.running(FAILED_JOB).progress(59)
                .phase("generating").lastUpdate(now.minusSeconds(300))
                .failed("OpenAI request timed out after 60 seconds", "ETIMEDOUT").build());
        session.watchOf(SUCCEEDED_JOB).publish(SnapshotBuilder.running(SUCCEEDED_JOB)
                .lastUpdate(now.minusSeconds(1800)).outcome(WatchState.SUCCEEDED,
                        TestData.result(TestData.succeeded("aud-bakery", 7))).build());
        session.watchOf(PARTLY_JOB).publish(SnapshotBuilder.running(PARTLY_JOB)
                .serverState(ServerJobState.SUCCEEDED).lastUpdate(now.minusSeconds(600))
                .outcome(WatchState.PARTLY_FAILED, TestData.result(
                        TestData.succeeded("aud-vets", 7),
                        TestData.failed("aud-gyms",
                                "Failed to generate content calendar: rate limit reached")))
                .build());
    }

    @SuppressWarnings("unchecked")
    private static void selectJob(Scene scene, String jobId) {
        TableView<JobViewModel> table =
                (TableView<JobViewModel>) scene.lookup("#jobsTable");
        table.getItems().stream().filter(job -> job.getJobId().equals(jobId)).findFirst()
                .ifPresent(job -> table.getSelectionModel().select(job));
    }

    private static KnownJob job(String jobId, String... audienceIds) {
        return TestData.job(jobId, audienceIds);
    }

    private static void later(double seconds, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(event -> action.run());
        pause.play();
    }
}
