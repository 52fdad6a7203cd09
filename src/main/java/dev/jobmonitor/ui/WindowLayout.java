package dev.jobmonitor.ui;

import dev.jobmonitor.settings.Settings;
import dev.jobmonitor.settings.WindowBounds;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores and saves the layout the user left: a window's size, position and maximized state,
 * split pane dividers and table columns. Each control is keyed by its id, so a view hands over
 * its controls with one call each. Split panes and tables are saved on every change, the window
 * when it hides, and the settings are flushed then.
 *
 * <p>Call every method on the FX thread.
 */
public final class WindowLayout {
    private static final Logger LOGGER = LoggerFactory.getLogger(WindowLayout.class);
    /** How much of a saved window must lie on a screen to count as reachable: a title bar. */
    private static final double MIN_VISIBLE_WIDTH = 120;
    private static final double MIN_VISIBLE_HEIGHT = 40;

    /** Key in the stage's properties of the handler that saves its bounds. */
    private static final String SAVE_HANDLER_KEY = WindowLayout.class.getName() + ".save";

    private final Settings settings;

    public WindowLayout(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Gives {@code stage} its saved bounds under {@code key}, moved onto a screen when the saved
     * position is no longer on one, and saves them when the stage hides. Call before showing it.
     */
    public void attach(Stage stage, String key) {
        settings.windowBounds(key).ifPresentOrElse(saved -> restore(stage, saved),
                () -> fitDefaultSize(stage));
        NormalBounds normal = new NormalBounds(stage);
        EventHandler<WindowEvent> save = event -> {
            settings.setWindowBounds(key, normal.toWindowBounds(stage.isMaximized()));
            settings.flush();
            LOGGER.debug("Saved the bounds of window {}", key);
        };
        // A stage shown again with new settings saves to those only, not to earlier ones too.
        Object previous = stage.getProperties().put(SAVE_HANDLER_KEY, save);
        if (previous instanceof EventHandler<?> handler) {
            @SuppressWarnings("unchecked")
            EventHandler<WindowEvent> earlier = (EventHandler<WindowEvent>) handler;
            stage.removeEventHandler(WindowEvent.WINDOW_HIDING, earlier);
        }
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, save);
    }

    /**
     * Restores the divider positions of {@code splitPane} and saves each change.
     * NOTE: two windows open at once share the settings node, so the last to change wins.
     */
    public void attach(SplitPane splitPane) {
        String key = requireId(splitPane.getId(), "split pane");
        List<SplitPane.Divider> dividers = splitPane.getDividers();
        for (int index = 0; index < dividers.size(); index++) {
            String dividerKey = key + "." + index;
            SplitPane.Divider divider = dividers.get(index);
            settings.splitPosition(dividerKey).ifPresent(divider::setPosition);
            divider.positionProperty().addListener((observable, oldPosition, position) ->
                    settings.setSplitPosition(dividerKey, clamp(position.doubleValue())));
        }
    }

    /** Restores the column order, widths, visibility and sort of {@code table}, and saves each change. */
    public void attach(TableView<?> table) {
        String key = requireId(table.getId(), "table");
        settings.tableLayout(key).flatMap(TableLayout::parse)
                .ifPresent(layout -> layout.applyTo(table));

        InvalidationListener save = observable ->
                settings.setTableLayout(key, TableLayout.capture(table).format());
        table.getSortOrder().addListener(save);
        table.getColumns().addListener(save);
        table.getColumns().forEach(column -> watchColumn(column, save));
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(column -> watchColumn(column, save));
            }
        });
    }

    private static void watchColumn(TableColumn<?, ?> column, InvalidationListener save) {
        // A column moved by dragging is removed and added again, so drop the earlier listeners.
        column.widthProperty().removeListener(save);
        column.visibleProperty().removeListener(save);
        column.sortTypeProperty().removeListener(save);
        column.widthProperty().addListener(save);
        column.visibleProperty().addListener(save);
        column.sortTypeProperty().addListener(save);
    }

    /**
     * Shrinks a first-run window to the primary screen, which at 200 % scaling can be smaller
     * than the scene's default size.
     */
    private static void fitDefaultSize(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (stage.getScene() == null) {
            return;
        }
        double width = stage.getScene().getWidth();
        double height = stage.getScene().getHeight();
        if (width > screen.getWidth() || height > screen.getHeight()) {
            stage.setWidth(Math.min(width, screen.getWidth()));
            stage.setHeight(Math.min(height, screen.getHeight()));
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        }
    }

    private static void restore(Stage stage, WindowBounds saved) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        // A size saved under a smaller minimum grows to the minimum before it is placed, so the
        // stage's own growth cannot push it off the screen afterwards.
        WindowBounds atLeastMinimum = new WindowBounds(saved.x(), saved.y(),
                Math.max(saved.width(), stage.getMinWidth()),
                Math.max(saved.height(), stage.getMinHeight()), saved.maximized());
        WindowBounds bounds = fitToScreens(atLeastMinimum, screens,
                Screen.getPrimary().getVisualBounds());
        stage.setX(bounds.x());
        stage.setY(bounds.y());
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        stage.setMaximized(bounds.maximized());
    }

    /**
     * Returns {@code saved} moved and shrunk to lie within one screen: the screen that shows the
     * largest part of it, or {@code primary} when none shows at least a title bar's worth.
     */
    static WindowBounds fitToScreens(WindowBounds saved, List<Rectangle2D> screens,
                                     Rectangle2D primary) {
        Rectangle2D window = new Rectangle2D(saved.x(), saved.y(), saved.width(), saved.height());
        Rectangle2D screen = screens.stream()
                .filter(candidate -> overlap(window, candidate).getWidth() >= MIN_VISIBLE_WIDTH
                        && overlap(window, candidate).getHeight() >= MIN_VISIBLE_HEIGHT)
                .max(Comparator.comparingDouble(candidate -> area(overlap(window, candidate))))
                .orElse(primary);
        double width = Math.min(saved.width(), screen.getWidth());
        double height = Math.min(saved.height(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(saved.x(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(saved.y(), screen.getMaxY() - height));
        return new WindowBounds(x, y, width, height, saved.maximized());
    }

    private static Rectangle2D overlap(Rectangle2D a, Rectangle2D b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double width = Math.min(a.getMaxX(), b.getMaxX()) - minX;
        double height = Math.min(a.getMaxY(), b.getMaxY()) - minY;
        return width > 0 && height > 0 ? new Rectangle2D(minX, minY, width, height) : Rectangle2D.EMPTY;
    }

    private static double area(Rectangle2D rectangle) {
        return rectangle.getWidth() * rectangle.getHeight();
    }

    private static double clamp(double position) {
        return Math.max(0, Math.min(1, position));
    }

    private static String requireId(String id, String controlKind) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A " + controlKind + " needs an id to save its layout");
        }
        return id;
    }

    /**
     * The stage's bounds while neither maximized nor iconified, which are the bounds to restore
     * after un-maximizing.
     */
    private static final class NormalBounds {
        private double x;
        private double y;
        private double width;
        private double height;

        NormalBounds(Stage stage) {
            record(stage);
            InvalidationListener update = observable -> {
                if (!stage.isMaximized() && !stage.isIconified()) {
                    record(stage);
                }
            };
            stage.xProperty().addListener(update);
            stage.yProperty().addListener(update);
            stage.widthProperty().addListener(update);
            stage.heightProperty().addListener(update);
        }

        private void record(Stage stage) {
            x = stage.getX();
            y = stage.getY();
            width = stage.getWidth();
            height = stage.getHeight();
        }

        WindowBounds toWindowBounds(boolean maximized) {
            return new WindowBounds(x, y, width, height, maximized);
        }
    }
}
