package dev.jobmonitor.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumn.SortType;
import javafx.scene.control.TableView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's arrangement of a table's top-level columns: their order, widths and visibility,
 * and the sort order. Columns are matched by id, so a column without an id keeps its place,
 * and a column added to the view after the layout was saved keeps its index.
 *
 * <p>The text form is {@code id:width:visible,...;id:ASCENDING,...}, where the part after the
 * semicolon is the sort order.
 */
record TableLayout(List<Column> columns, List<SortKey> sortOrder) {
    private static final Logger LOGGER = LoggerFactory.getLogger(TableLayout.class);

    record Column(String id, double width, boolean visible) {
    }

    record SortKey(String id, SortType type) {
    }

    TableLayout {
        columns = List.copyOf(columns);
        sortOrder = List.copyOf(sortOrder);
    }

    /** Captures the current layout of {@code table}, leaving out columns without an id. */
    static TableLayout capture(TableView<?> table) {
        List<Column> columns = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (column.getId() != null) {
                // Before the first layout a column's width is a placeholder, not the user's.
                double width = table.getWidth() > 0 ? column.getWidth() : column.getPrefWidth();
                columns.add(new Column(column.getId(), width, column.isVisible()));
            }
        }
        List<SortKey> sortOrder = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getSortOrder()) {
            if (column.getId() != null) {
                sortOrder.add(new SortKey(column.getId(), column.getSortType()));
            }
        }
        return new TableLayout(columns, sortOrder);
    }

    /** Arranges {@code table}'s columns and sort order as this layout records them. */
    <S> void applyTo(TableView<S> table) {
        Map<String, TableColumn<S, ?>> byId = new LinkedHashMap<>();
        List<TableColumn<S, ?>> current = List.copyOf(table.getColumns());
        current.stream().filter(column -> column.getId() != null)
                .forEach(column -> byId.putIfAbsent(column.getId(), column));

        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (Column saved : columns) {
            TableColumn<S, ?> column = byId.remove(saved.id());
            if (column != null) {
                column.setPrefWidth(saved.width());
                column.setVisible(saved.visible());
                ordered.add(column);
            }
        }
        for (int index = 0; index < current.size(); index++) {
            TableColumn<S, ?> column = current.get(index);
            if (!ordered.contains(column)) {
                ordered.add(Math.min(index, ordered.size()), column);
            }
        }
        table.getColumns().setAll(ordered);

        List<TableColumn<S, ?>> sortColumns = new ArrayList<>();
        for (SortKey key : sortOrder) {
            ordered.stream().filter(column -> key.id().equals(column.getId())).findFirst()
                    .ifPresent(column -> {
                        column.setSortType(key.type());
                        sortColumns.add(column);
                    });
        }
        table.getSortOrder().setAll(sortColumns);
    }

    String format() {
        List<String> columnTexts = columns.stream()
                .map(column -> column.id() + ":" + column.width() + ":" + column.visible()).toList();
        List<String> sortTexts = sortOrder.stream().map(key -> key.id() + ":" + key.type()).toList();
        return String.join(",", columnTexts) + ";" + String.join(",", sortTexts);
    }

    /** Reads the text form, or returns empty (logging a warning) when it cannot be read. */
    static Optional<TableLayout> parse(String text) {
        try {
            String[] parts = text.split(";", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected one ';' between columns and sort order");
            }
            List<Column> columns = new ArrayList<>();
            for (String entry : entries(parts[0])) {
                String[] fields = fields(entry, 3);
                columns.add(new Column(fields[0], parseWidth(fields[1]), parseBoolean(fields[2])));
            }
            List<SortKey> sortOrder = new ArrayList<>();
            for (String entry : entries(parts[1])) {
                String[] fields = fields(entry, 2);
                sortOrder.add(new SortKey(fields[0],
                        SortType.valueOf(fields[1].toUpperCase(Locale.ROOT))));
            }
            return Optional.of(new TableLayout(columns, sortOrder));
        } catch (IllegalArgumentException e) {
            LOGGER.warn("Ignoring unreadable table layout '{}'", text, e);
            return Optional.empty();
        }
    }

    private static List<String> entries(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(","));
    }

    private static String[] fields(String entry, int count) {
        String[] fields = entry.split(":");
        if (fields.length != count || fields[0].isBlank()) {
            throw new IllegalArgumentException("expected " + count + " fields in '" + entry + "'");
        }
        return fields;
    }

    private static double parseWidth(String text) {
        double width = Double.parseDouble(text);
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("column width must be positive: " + text);
        }
        return width;
    }

    private static boolean parseBoolean(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("expected true or false: " + text);
        }
        return Boolean.parseBoolean(text);
    }
}
