package dev.jobmonitor.settings;

/** The window's colour theme. */
public enum Theme {
    LIGHT,
    DARK
}
