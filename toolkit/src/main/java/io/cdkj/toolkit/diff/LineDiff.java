package io.cdkj.toolkit.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in unified-diff hunks: lines kept ({@code ' '}), removed ({@code '-'}) and added
 * ({@code '+'}), each change with {@code context} unchanged lines around it, nearby changes in one hunk.
 * The edit script is a longest common subsequence of the lines.
 *
 * <p>Stateless and thread-safe.
 */
final class LineDiff {

    /** Beyond this many lines on a side, the whole text is shown as removed and added. */
    private static final int MAX_LINES = 3000;

    /** One hunk: {@code @@ -oldStart,oldLines +newStart,newLines @@} and its marked lines. */
    record Hunk(int oldStart, int oldLines, int newStart, int newLines, List<String> lines) {
        Hunk {
            lines = List.copyOf(lines);
        }

        String header() {
            return "@@ -" + oldStart + "," + oldLines + " +" + newStart + "," + newLines + " @@";
        }
    }

    private record Edit(char marker, String line) {
    }

    private LineDiff() {
    }

    static List<Hunk> hunks(List<String> before, List<String> after, int context) {
        List<Edit> edits = edits(before, after);
        List<Hunk> hunks = new ArrayList<>();
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).marker() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // extend over changes whose unchanged gap is at most twice the context
            while (true) {
                int next = end;
                while (next < edits.size() && edits.get(next).marker() != ' ') {
                    next++;
                }
                int gapEnd = next;
                while (gapEnd < edits.size() && edits.get(gapEnd).marker() == ' ') {
                    gapEnd++;
                }
                if (gapEnd < edits.size() && gapEnd - next <= 2 * context) {
                    end = gapEnd;
                } else {
                    end = Math.min(edits.size(), next + context);
                    break;
                }
            }
            hunks.add(hunk(edits, start, end));
            i = end;
        }
        return hunks;
    }

    private static Hunk hunk(List<Edit> edits, int start, int end) {
        int oldBefore = 0;
        int newBefore = 0;
        for (int k = 0; k < start; k++) {
            char marker = edits.get(k).marker();
            oldBefore += marker != '+' ? 1 : 0;
            newBefore += marker != '-' ? 1 : 0;
        }
        int oldLines = 0;
        int newLines = 0;
        List<String> lines = new ArrayList<>();
        for (int k = start; k < end; k++) {
            Edit edit = edits.get(k);
            oldLines += edit.marker() != '+' ? 1 : 0;
            newLines += edit.marker() != '-' ? 1 : 0;
            lines.add(edit.marker() + edit.line());
        }
        return new Hunk(oldLines == 0 ? oldBefore : oldBefore + 1, oldLines, newLines == 0 ? newBefore : newBefore + 1,
                newLines, lines);
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        List<Edit> edits = new ArrayList<>();
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            a.forEach(line -> edits.add(new Edit('-', line)));
            b.forEach(line -> edits.add(new Edit('+', line)));
            return edits;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i++)));
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit('-', a.get(i++))); // removals before additions, as unified diffs show them
            } else {
                edits.add(new Edit('+', b.get(j++)));
            }
        }
        return edits;
    }
}
