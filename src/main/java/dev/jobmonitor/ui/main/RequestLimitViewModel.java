package dev.jobmonitor.ui.main;

import dev.jobmonitor.ui.FxHandoff;
import dev.jobmonitor.ui.UiText;
import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.RequestBudget;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The bar shown while requests wait for the server's request limit, so that slower updates
 * are not mistaken for a stalled job. Every method must be called on the FX thread.
 */
public final class RequestLimitViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AccountSession session;
    private final FxHandoff handoff;
    private final Clock clock;
    private RequestBudget.State state;

    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");

    RequestLimitViewModel(AccountSession session, FxHandoff handoff, Clock clock) {
        this.session = session;
        this.handoff = handoff;
        this.clock = clock;
    }

    /** Starts following the budget of the session's server. */
    void start() {
        FxHandoff.Slot<RequestBudget.State> slot = handoff.newSlot(this::stateChangedFx);
        session.addBudgetListener(slot::offer);
    }

    /**
     * Hides the bar once its wait is over. The budget reports the end of a wait only with the
     * next request, so the once-a-second tick calls this as well.
     */
    void refreshFx() {
        Instant until = state == null ? null : state.waitingUntil();
        boolean waitsNow = until != null && clock.instant().isBefore(until);
        waiting.set(waitsNow);
        text.set(waitsNow ? describe(state, until) : "");
    }

    private void stateChangedFx(RequestBudget.State next) {
        state = next;
        refreshFx();
    }

    /**
     * Returns the wait and, when the server reported it, how many requests are left. Routine
     * polls wait while a few are left, because the budget keeps those for urgent checks.
     */
    private String describe(RequestBudget.State budget, Instant until) {
        String message = UiText.get("limit.waiting", TIME.withZone(clock.getZone()).format(until));
        if (budget.remaining() == null) {
            return message;
        }
        return message + " " + UiText.get("limit.remaining", budget.remaining());
    }

    /** True while requests wait for the server's request limit. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public boolean isWaiting() {
        return waiting.get();
    }

    /** "Waiting for the server's request limit until 14:03:12 …", or empty. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
