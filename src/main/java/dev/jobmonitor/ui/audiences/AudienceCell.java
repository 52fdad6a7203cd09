package dev.jobmonitor.ui.audiences;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** An audience's name above its calendar state; {@code :generating} while a job runs for it. */
public final class AudienceCell extends ListCell<AudienceItem> {
    private static final PseudoClass GENERATING = PseudoClass.getPseudoClass("generating");

    private final Label nameLabel = new Label();
    private final Label calendarLabel = new Label();
    private final VBox content = new VBox(nameLabel, calendarLabel);
    private final ChangeListener<Boolean> generatingListener =
            (observable, wasGenerating, generating) -> pseudoClassStateChanged(GENERATING, generating);
    private AudienceItem shownItem;

    public AudienceCell() {
        getStyleClass().add("audience-cell");
        nameLabel.getStyleClass().add("audience-name");
        calendarLabel.getStyleClass().add("audience-calendar");
    }

    @Override
    protected void updateItem(AudienceItem item, boolean empty) {
        super.updateItem(item, empty);
        nameLabel.textProperty().unbind();
        calendarLabel.textProperty().unbind();
        if (shownItem != null) {
            shownItem.generatingProperty().removeListener(generatingListener);
            shownItem = null;
        }
        if (empty || item == null) {
            setGraphic(null);
            pseudoClassStateChanged(GENERATING, false);
            return;
        }
        nameLabel.textProperty().bind(item.nameProperty());
        calendarLabel.textProperty().bind(item.calendarTextProperty());
        pseudoClassStateChanged(GENERATING, item.isGenerating());
        item.generatingProperty().addListener(generatingListener);
        shownItem = item;
        setGraphic(content);
    }
}
