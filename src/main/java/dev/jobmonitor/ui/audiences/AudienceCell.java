package dev.jobmonitor.ui.audiences;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One line per audience: its name, shortened with an ellipsis when the list is narrow, and its
 * calendar state on the right. The cell is {@code :generating} while a job runs for it.
 */
public final class AudienceCell extends ListCell<AudienceItem> {
    private static final PseudoClass GENERATING = PseudoClass.getPseudoClass("generating");

    private final Label nameLabel = new Label();
    private final Label calendarLabel = new Label();
    private final Tooltip nameTooltip = new Tooltip();
    private final HBox content = new HBox(nameLabel, calendarLabel);
    private final ChangeListener<Boolean> generatingListener =
            (observable, wasGenerating, generating) -> pseudoClassStateChanged(GENERATING, generating);
    private AudienceItem shownItem;

    public AudienceCell() {
        getStyleClass().add("audience-cell");
        content.getStyleClass().add("audience-row");
        nameLabel.getStyleClass().add("audience-name");
        calendarLabel.getStyleClass().add("audience-calendar");
        // The state stays whole; the name gives way.
        nameLabel.setMinWidth(0);
        nameLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(nameLabel, Priority.ALWAYS);
        calendarLabel.setMinWidth(Region.USE_PREF_SIZE);
        nameLabel.setTooltip(nameTooltip);
        // A cell lays its graphic out at the graphic's preferred width, so the row's preferred
        // width follows the cell's inner width, which puts the state at the right edge. The
        // cell's own preferred width stays 0, or the list could never shrink below a width it
        // once had and would scroll sideways.
        setPrefWidth(0);
        content.setMinWidth(0);
        content.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> getWidth() - getPadding().getLeft() - getPadding().getRight(),
                widthProperty(), paddingProperty()));
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(AudienceItem item, boolean empty) {
        super.updateItem(item, empty);
        nameLabel.textProperty().unbind();
        calendarLabel.textProperty().unbind();
        nameTooltip.textProperty().unbind();
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
        nameTooltip.textProperty().bind(item.nameProperty());
        calendarLabel.textProperty().bind(item.calendarTextProperty());
        pseudoClassStateChanged(GENERATING, item.isGenerating());
        item.generatingProperty().addListener(generatingListener);
        shownItem = item;
        setGraphic(content);
    }
}
