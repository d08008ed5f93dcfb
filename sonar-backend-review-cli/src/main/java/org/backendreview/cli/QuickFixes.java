/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.QuickFix;

/**
 * {@code --fix}: the quick fixes of the findings (both repositories), as a unified diff or applied to the files. Per
 * finding the first quick fix is taken; a fix whose edits overlap an edit already taken in the file is left out (it
 * would need the file re-analysed), so that applying the diff gives exactly the code each fix was computed for.
 */
final class QuickFixes {

  private static final int CONTEXT = 3;

  /** One file's fixes: its text before and after, and how many findings they fix. */
  record FilePatch(String file, Path path, String original, String fixed, int fixes, List<Change> changes) {
  }

  /** Lines {@code [from, to)} (0-based) of the original replaced by {@code lines}. */
  record Change(int from, int to, List<String> lines) {
  }

  private record Placed(int start, int end, String replacement) {
  }

  private QuickFixes() {
  }

  /** The patches of the files that have fixable findings, in file order. */
  static List<FilePatch> plan(List<Finding> findings, Path baseDir) {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding finding : findings) {
      if (!finding.quickFixes().isEmpty() && !finding.quickFixes().get(0).edits().isEmpty()) {
        byFile.computeIfAbsent(finding.file(), f -> new ArrayList<>()).add(finding);
      }
    }
    List<FilePatch> patches = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
      Path path = baseDir.resolve(entry.getKey()).normalize();
      String original;
      try {
        original = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("Cannot read " + entry.getKey() + " to fix it: " + e.getMessage());
      }
      FilePatch patch = patch(entry.getKey(), path, original, entry.getValue());
      if (patch.fixes() > 0) {
        patches.add(patch);
      }
    }
    return patches;
  }

  static FilePatch patch(String file, Path path, String original, List<Finding> findings) {
    int[] lineStarts = lineStarts(original);
    List<Placed> taken = new ArrayList<>();
    int fixes = 0;
    for (Finding finding : findings) {
      QuickFix fix = finding.quickFixes().get(0);
      List<Placed> placed = new ArrayList<>();
      for (QuickFix.Edit edit : fix.edits()) {
        int start = offset(lineStarts, original, edit.line(), edit.column());
        int end = offset(lineStarts, original, edit.endLine(), edit.endColumn());
        placed.add(new Placed(start, Math.max(start, end), edit.replacement()));
      }
      boolean overlaps = placed.stream().anyMatch(p -> taken.stream().anyMatch(t -> overlap(p, t)))
        || placed.stream().anyMatch(p -> placed.stream().anyMatch(q -> p != q && overlap(p, q)));
      if (!overlaps) {
        taken.addAll(placed);
        fixes++;
      }
    }
    taken.sort(Comparator.comparingInt(Placed::start).thenComparingInt(Placed::end));
    StringBuilder fixed = new StringBuilder(original);
    for (int i = taken.size() - 1; i >= 0; i--) {
      Placed edit = taken.get(i);
      fixed.replace(edit.start(), edit.end(), edit.replacement());
    }
    return new FilePatch(file, path, original, fixed.toString(), fixes, changes(original, lineStarts, taken));
  }

  /** Two edits overlap when their ranges intersect, or when both insert at the same place (their order is ambiguous). */
  private static boolean overlap(Placed a, Placed b) {
    if (a.start() == a.end() && b.start() == b.end()) {
      return a.start() == b.start();
    }
    return a.start() < b.end() && b.start() < a.end() || (a.start() == a.end() && a.start() > b.start() && a.start() < b.end())
      || (b.start() == b.end() && b.start() > a.start() && b.start() < a.end());
  }

  /** Groups the edits by the original lines they touch (adjacent lines too): each group replaces whole lines. */
  private static List<Change> changes(String original, int[] lineStarts, List<Placed> edits) {
    List<Change> changes = new ArrayList<>();
    int i = 0;
    while (i < edits.size()) {
      int from = lineOf(lineStarts, edits.get(i).start());
      int to = lineOf(lineStarts, edits.get(i).end()) + 1;
      int j = i + 1;
      while (j < edits.size() && lineOf(lineStarts, edits.get(j).start()) <= to) {
        to = Math.max(to, lineOf(lineStarts, edits.get(j).end()) + 1);
        j++;
      }
      int lineCount = lineStarts.length - 1;
      to = Math.min(to, lineCount);
      int textStart = lineStarts[Math.min(from, lineCount)];
      int textEnd = lineStarts[to];
      StringBuilder text = new StringBuilder(original.substring(textStart, textEnd));
      for (int k = j - 1; k >= i; k--) {
        Placed edit = edits.get(k);
        text.replace(edit.start() - textStart, edit.end() - textStart, edit.replacement());
      }
      changes.add(new Change(from, to, splitLines(text.toString())));
      i = j;
    }
    return changes;
  }

  /** The unified diff of one file ({@code a/FILE} and {@code b/FILE}, 3 lines of context). */
  static String unifiedDiff(FilePatch patch) {
    List<String> lines = splitLines(patch.original());
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(patch.file()).append('\n').append("+++ b/").append(patch.file()).append('\n');
    List<Change> changes = patch.changes();
    int delta = 0;
    int c = 0;
    while (c < changes.size()) {
      int first = c;
      int last = c;
      while (last + 1 < changes.size() && changes.get(last + 1).from() - changes.get(last).to() <= 2 * CONTEXT) {
        last++;
      }
      int start = Math.max(0, changes.get(first).from() - CONTEXT);
      int end = Math.min(lines.size(), changes.get(last).to() + CONTEXT);
      int newLength = end - start;
      int deltaBefore = delta;
      for (int k = first; k <= last; k++) {
        Change change = changes.get(k);
        newLength += change.lines().size() - (change.to() - change.from());
        delta += change.lines().size() - (change.to() - change.from());
      }
      int oldLength = end - start;
      out.append("@@ -").append(range(start, oldLength)).append(" +").append(range(start + deltaBefore, newLength)).append(" @@\n");
      int line = start;
      for (int k = first; k <= last; k++) {
        Change change = changes.get(k);
        for (; line < change.from(); line++) {
          appendLine(out, ' ', lines.get(line));
        }
        for (; line < change.to(); line++) {
          appendLine(out, '-', lines.get(line));
        }
        change.lines().forEach(l -> appendLine(out, '+', l));
      }
      for (; line < end; line++) {
        appendLine(out, ' ', lines.get(line));
      }
      c = last + 1;
    }
    return out.toString();
  }

  private static String range(int start, int length) {
    return length == 0 ? start + ",0" : (start + 1) + "," + length;
  }

  private static void appendLine(StringBuilder out, char prefix, String line) {
    out.append(prefix);
    if (line.endsWith("\n")) {
      out.append(line);
    } else {
      out.append(line).append("\n\\ No newline at end of file\n");
    }
  }

  /** Writes the fixed text of each patch to its file. */
  static void apply(List<FilePatch> patches) {
    for (FilePatch patch : patches) {
      try {
        Files.writeString(patch.path(), patch.fixed(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("Cannot write " + patch.file() + ": " + e.getMessage());
      }
    }
  }

  /** The lines of a text, each with its line break (the last one may have none). */
  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || (ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** Offsets of the starts of the lines, plus the text's length at the end. */
  private static int[] lineStarts(String text) {
    List<String> lines = splitLines(text);
    int[] starts = new int[lines.size() + 1];
    int offset = 0;
    for (int i = 0; i < lines.size(); i++) {
      starts[i] = offset;
      offset += lines.get(i).length();
    }
    starts[lines.size()] = offset;
    return starts;
  }

  private static int offset(int[] lineStarts, String text, int line, int column) {
    if (line - 1 >= lineStarts.length - 1) {
      return text.length();
    }
    int start = lineStarts[Math.max(0, line - 1)];
    return Math.min(start + Math.max(0, column - 1), lineStarts[line]);
  }

  /** The 0-based line of an offset (an offset at a line's start belongs to that line). */
  private static int lineOf(int[] lineStarts, int offset) {
    int low = 0;
    int high = lineStarts.length - 2;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return Math.max(0, low);
  }
}
