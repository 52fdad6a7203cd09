package dev.jobmonitor.watch;

/**
 * Receives every new snapshot of a watched job. Called on the account's scheduler thread, never
 * on the JavaFX thread; implementations must return quickly and must not block.
 */
@FunctionalInterface
public interface SnapshotListener {
    void onSnapshot(JobSnapshot snapshot);
}
