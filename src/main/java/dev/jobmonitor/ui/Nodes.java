package dev.jobmonitor.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Labeled;

/** Small binding helpers shared by the views. */
public final class Nodes {
    private Nodes() {
    }

    /** Shows {@code node} and gives it layout space only while {@code condition} is true. */
    public static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Shows {@code label} only while its text is not empty. */
    public static void showWhenText(Labeled label) {
        showWhen(label, label.textProperty().isNotEmpty());
    }
}
