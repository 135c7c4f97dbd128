package io.cdkj.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the first pipe table after a heading of a Markdown document. Stateless. */
final class MarkdownTable {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private MarkdownTable() {
    }

    /** The table's data rows (header and separator skipped), each as trimmed cells. */
    static List<List<String>> rowsAfter(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalArgumentException("no heading '" + heading + "'");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : markdown.substring(start + heading.length() + 2).split("\n", -1)) {
            if (line.startsWith("|")) {
                inTable = true;
                rows.add(cells(line));
            } else if (inTable) {
                break;
            }
        }
        return rows.size() < 2 ? List.of() : rows.subList(2, rows.size());
    }

    /** The `code` spans of a cell, in order. */
    static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            spans.add(matcher.group(1));
        }
        return spans;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) { // "\|" is a pipe inside a cell
            cells.add(cell.strip().replace("\\|", "|"));
        }
        return cells;
    }
}
