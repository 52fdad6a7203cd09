package dev.jobmonitor.settings;

/**
 * A window's last size and position, in the screen coordinates JavaFX uses.
 *
 * @param maximized whether the window was maximized; the bounds are then those it had before
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    public WindowBounds {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("Window size must be positive: " + width + " x " + height);
        }
    }
}
