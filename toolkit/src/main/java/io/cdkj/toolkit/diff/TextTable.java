package io.cdkj.toolkit.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A box-drawn table as the Node CDK CLI prints its security changes: a header row, cells padded by
 * one space, multi-line cells, and a rule under the header and between rows whose second column
 * (the resource or group) differs.
 *
 * <p>Stateless and thread-safe.
 */
final class TextTable {

    private TextTable() {
    }

    /** {@code rows} (the first is the header) as lines without a trailing newline. */
    static String render(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                for (String line : row.get(c).split("\n", -1)) {
                    widths[c] = Math.max(widths[c], line.codePointCount(0, line.length()));
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(rule(widths, '┌', '┬', '┐'));
        for (int r = 0; r < rows.size(); r++) {
            if (r == 1 || (r > 1 && !rows.get(r).get(1).equals(rows.get(r - 1).get(1)))) {
                out.add(rule(widths, '├', '┼', '┤'));
            }
            out.addAll(lines(rows.get(r), widths));
        }
        out.add(rule(widths, '└', '┴', '┘'));
        return String.join("\n", out);
    }

    private static String rule(int[] widths, char left, char join, char right) {
        StringBuilder line = new StringBuilder().append(left);
        for (int c = 0; c < widths.length; c++) {
            line.append("─".repeat(widths[c] + 2)).append(c < widths.length - 1 ? join : right);
        }
        return line.toString();
    }

    private static List<String> lines(List<String> row, int[] widths) {
        List<String[]> cells = row.stream().map(cell -> cell.split("\n", -1)).toList();
        int height = cells.stream().mapToInt(c -> c.length).max().orElse(1);
        List<String> lines = new ArrayList<>();
        for (int l = 0; l < height; l++) {
            StringBuilder line = new StringBuilder("│");
            for (int c = 0; c < widths.length; c++) {
                String text = l < cells.get(c).length ? cells.get(c)[l] : "";
                line.append(' ').append(text).append(" ".repeat(widths[c] - text.codePointCount(0, text.length())))
                        .append(" │");
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
