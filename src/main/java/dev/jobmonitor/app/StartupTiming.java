package dev.jobmonitor.app;

import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup measurement for the benchmarks: when the environment variable
 * {@value #T0_VARIABLE} holds a wall-clock time in milliseconds since the epoch (taken by the
 * shell right before starting the app), logs how long after it the first frame was rendered.
 */
final class StartupTiming {
    static final String T0_VARIABLE = "JOBMONITOR_STARTUP_T0";
    private static final Logger LOGGER = LoggerFactory.getLogger(StartupTiming.class);

    private StartupTiming() {
    }

    /** Arranges the log line for {@code stage} when the variable is set; call on the FX thread. */
    static void reportFirstFrame(Stage stage) {
        String value = System.getenv(T0_VARIABLE);
        if (value == null || value.isBlank()) {
            return;
        }
        long t0;
        try {
            t0 = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOGGER.warn("Ignoring {}='{}': expected milliseconds since the epoch", T0_VARIABLE,
                    value);
            return;
        }
        FirstFrame.whenRendered(stage, () -> LOGGER.info("First frame rendered {} ms after {}",
                System.currentTimeMillis() - t0, T0_VARIABLE));
    }
}
