package org.custodia.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * A picture of the home page with its figures: the page renders the figures as a table (readable by screen readers
 * and without script) and dashboard.js draws the chart from that table.
 *
 * @param order      where it stands (smaller first)
 * @param id         the figure's id on the page ({@code dash-} + id)
 * @param kind       how it is drawn: {@code bars} (one series per column, stacked when {@code stacked}),
 *                   {@code capacity} (first column drawn against the second as capacity, overcrowding flagged) or
 *                   {@code lines} (one line per column)
 * @param titleKey   message key of its caption, with {@code titleArgument} as {0} (e.g. the facility's code)
 * @param titleArgument the caption's argument; null for none
 * @param noteKey    message key of a sentence under it, with {@code noteArgument} as {0}; null for none
 * @param noteArgument the note's argument (a count)
 * @param labelHeadingKey message key of the first column's heading (what the rows are)
 * @param columns    the value columns
 * @param rows       the rows, in the order shown
 */
public record HomeChart(int order, String id, String kind, String titleKey, String titleArgument, String noteKey,
                        long noteArgument, String labelHeadingKey,
                        List<Column> columns, List<Row> rows, boolean stacked) {

    public HomeChart {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The sum of the first column over every row. */
    public BigDecimal total() {
        return rows.stream().map(r -> r.values().isEmpty() || r.values().get(0) == null ? BigDecimal.ZERO : r.values().get(0))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * A column of figures.
     *
     * @param labelKey message key of its heading
     * @param decimals digits after the decimal point (0 for counts, 2 for money and percentages)
     * @param unit     shown after the figure: a currency code or {@code %}; null for none
     * @param drawn    drawn in the picture too (otherwise only in the table)
     */
    public record Column(String labelKey, int decimals, String unit, boolean drawn) {

        public static Column count(String labelKey) {
            return new Column(labelKey, 0, null, true);
        }

        public static Column money(String labelKey, String currency) {
            return new Column(labelKey, 2, currency, true);
        }

        public static Column percent(String labelKey) {
            return new Column(labelKey, 2, "%", false);
        }

        /** The same column, shown in the table only. */
        public Column tableOnly() {
            return new Column(labelKey, decimals, unit, false);
        }
    }

    /**
     * A row: its label is a message key ({@code labelKey}, e.g. a rule's name) or, when that is null, a text that
     * needs no translation (a module's code, a month already written in the reader's language).
     *
     * @param flagged shown as a warning (e.g. a module beyond its capacity)
     */
    public record Row(String labelKey, String label, List<BigDecimal> values, boolean flagged) {

        public Row {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public static Row keyed(String labelKey, long... values) {
            return new Row(labelKey, null, numbers(values), false);
        }

        public static Row text(String label, long... values) {
            return new Row(null, label, numbers(values), false);
        }

        private static List<BigDecimal> numbers(long... values) {
            return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
        }
    }
}
