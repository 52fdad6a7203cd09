package dev.jobmonitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobmonitor.settings.WindowBounds;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TableColumn.SortType;
import org.junit.jupiter.api.Test;

class WindowLayoutTest {
    private static final Rectangle2D LEFT = new Rectangle2D(0, 0, 1920, 1040);
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 1280, 760);

    @Test
    void visibleWindowKeepsItsBounds() {
        WindowBounds saved = new WindowBounds(100, 50, 1200, 760, false);

        assertEquals(saved, WindowLayout.fitToScreens(saved, List.of(LEFT, RIGHT), LEFT));
    }

    @Test
    void windowOfMissingScreenMovesToPrimary() {
        WindowBounds saved = new WindowBounds(2100, 100, 1200, 700, true);

        WindowBounds fitted = WindowLayout.fitToScreens(saved, List.of(LEFT), LEFT);

        assertEquals(new WindowBounds(720, 100, 1200, 700, true), fitted);
    }

    @Test
    void windowShrinksToSmallerScreen() {
        WindowBounds saved = new WindowBounds(1950, 20, 1600, 900, false);

        WindowBounds fitted = WindowLayout.fitToScreens(saved, List.of(LEFT, RIGHT), LEFT);

        assertEquals(new WindowBounds(1920, 0, 1280, 760, false), fitted);
    }

    @Test
    void windowShowingOnlyACornerMovesOnScreen() {
        WindowBounds saved = new WindowBounds(-1150, -650, 1200, 700, false);

        WindowBounds fitted = WindowLayout.fitToScreens(saved, List.of(LEFT), LEFT);

        assertEquals(new WindowBounds(0, 0, 1200, 700, false), fitted);
    }

    @Test
    void tableLayoutTextRoundTrips() {
        TableLayout layout = new TableLayout(
                List.of(new TableLayout.Column("stateColumn", 117.5, true),
                        new TableLayout.Column("jobColumn", 90, false)),
                List.of(new TableLayout.SortKey("stateColumn", SortType.DESCENDING)));

        String text = layout.format();

        assertEquals("stateColumn:117.5:true,jobColumn:90.0:false;stateColumn:DESCENDING", text);
        assertEquals(Optional.of(layout), TableLayout.parse(text));
    }

    @Test
    void tableLayoutWithoutSortRoundTrips() {
        TableLayout layout = new TableLayout(List.of(new TableLayout.Column("a", 10, true)), List.of());

        assertEquals(Optional.of(layout), TableLayout.parse(layout.format()));
    }

    @Test
    void unreadableTableLayoutIsIgnored() {
        for (String text : List.of("", "a:10:true", "a:ten:true;", "a:-5:true;", "a:10:yes;",
                "a:10:true;a:SIDEWAYS", ":10:true;")) {
            assertTrue(TableLayout.parse(text).isEmpty(), text);
        }
    }
}
