package dev.jobmonitor.ui.main;

import dev.jobmonitor.watch.WatchState;
import java.util.Locale;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Non-blocking notifications in a corner of the window. Each toast fades out after a few
 * seconds, or goes at once when clicked. The outcome is set as a pseudo-class such as
 * {@code :succeeded} or {@code :failed}. Every method must be called on the FX thread.
 */
public final class ToastStack extends VBox {
    /** Long enough to read a line and move the mouse there. */
    private static final Duration SHOWN_FOR = Duration.seconds(8);
    private static final Duration FADE_OUT = Duration.millis(400);
    /** A burst of outcomes pushes the oldest toasts out instead of covering the window. */
    private static final int MAX_TOASTS = 4;
    private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");

    public ToastStack() {
        getStyleClass().add("toast-stack");
        // Clicks beside the toasts reach the window below.
        setPickOnBounds(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    /** Shows one toast. {@code onClick} runs when the user clicks it. */
    public void showFx(OutcomeNotice notice, Runnable onClick) {
        Label toast = new Label(notice.text(), marker(notice.outcome()));
        toast.getStyleClass().add("toast");
        toast.setWrapText(true);
        toast.pseudoClassStateChanged(pseudoClassOf(notice.outcome()), true);
        toast.setOnMouseClicked(event -> {
            onClick.run();
            getChildren().remove(toast);
        });
        addFx(toast);
    }

    /** Shows a short confirmation of something the user did, such as a copy to the clipboard. */
    public void showInfoFx(String text) {
        Label marker = new Label("i");
        marker.getStyleClass().add("toast-marker");
        Label toast = new Label(text, marker);
        toast.getStyleClass().add("toast");
        toast.setWrapText(true);
        toast.pseudoClassStateChanged(INFO, true);
        toast.setOnMouseClicked(event -> getChildren().remove(toast));
        addFx(toast);
    }

    /** Adds {@code toast} below the others, dropping the oldest beyond {@link #MAX_TOASTS}. */
    private void addFx(Label toast) {
        if (getChildren().size() >= MAX_TOASTS) {
            getChildren().remove(0);
        }
        getChildren().add(toast);
        fadeOutLater(toast);
    }

    private void fadeOutLater(Node toast) {
        FadeTransition fade = new FadeTransition(FADE_OUT, toast);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(SHOWN_FOR), fade);
        life.setOnFinished(event -> getChildren().remove(toast));
        life.play();
    }

    private static Label marker(WatchState outcome) {
        String glyph = outcome == WatchState.SUCCEEDED ? "\u2713"
                : outcome == WatchState.PARTLY_FAILED ? "!" : "\u2715";
        Label marker = new Label(glyph);
        marker.getStyleClass().add("toast-marker");
        return marker;
    }

    private static PseudoClass pseudoClassOf(WatchState outcome) {
        return PseudoClass.getPseudoClass(outcome.name().toLowerCase(Locale.ROOT));
    }
}
