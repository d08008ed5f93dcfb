/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.quickfix.PythonTextEdit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies quick fixes by applying them: for code with issues, each quick fix (in the order issues and fixes are
 * raised) applied alone to the original code must give the expected code.
 */
public final class QuickFixVerifier {

  private QuickFixVerifier() {
  }

  /** Each quick fix, applied to {@code before}, gives the corresponding expected text. */
  public static void verify(PythonCheck check, String before, String... expectedAfterEachFix) {
    List<PythonQuickFix> fixes = quickFixes(check, before);
    assertThat(fixes).as("quick fixes raised on:%n%s", before).hasSize(expectedAfterEachFix.length);
    for (int i = 0; i < fixes.size(); i++) {
      assertThat(apply(before, fixes.get(i))).as("code after quick fix \"%s\"", fixes.get(i).getDescription()).isEqualTo(expectedAfterEachFix[i]);
    }
  }

  /** The quick fixes' titles, in order. */
  public static void verifyMessages(PythonCheck check, String before, String... messages) {
    assertThat(quickFixes(check, before)).extracting(PythonQuickFix::getDescription).containsExactly(messages);
  }

  /** There are issues but none offers a quick fix. */
  public static void verifyNoQuickFixes(PythonCheck check, String before) {
    List<PreciseIssue> issues = issues(check, before);
    assertThat(issues).as("issues").isNotEmpty();
    assertThat(issues).allSatisfy(issue -> assertThat(issue.quickFixes()).isEmpty());
  }

  private static List<PythonQuickFix> quickFixes(PythonCheck check, String code) {
    return issues(check, code).stream().flatMap(issue -> issue.quickFixes().stream()).toList();
  }

  private static List<PreciseIssue> issues(PythonCheck check, String code) {
    try {
      Path dir = Files.createTempDirectory("quickfix");
      Path file = dir.resolve("sample.py");
      Files.writeString(file, code, StandardCharsets.UTF_8);
      try {
        return CheckVerifier.issues(List.of(file.toString()), check);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies all edits of a quick fix (non-overlapping) to the text. */
  public static String apply(String text, PythonQuickFix fix) {
    List<PythonTextEdit> edits = new ArrayList<>(fix.getTextEdits());
    edits.sort(Comparator.comparingInt((PythonTextEdit e) -> offset(text, e.startLine(), e.startLineOffset())).reversed());
    StringBuilder result = new StringBuilder(text);
    for (PythonTextEdit edit : edits) {
      int start = offset(text, edit.startLine(), edit.startLineOffset());
      int end = offset(text, edit.endLine(), edit.endLineOffset());
      result.replace(start, end, edit.replacementText());
    }
    return result.toString();
  }

  private static int offset(String text, int line, int column) {
    int offset = 0;
    for (int current = 1; current < line; current++) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        throw new IllegalArgumentException("Line " + line + " is beyond the end of the text");
      }
      offset = newline + 1;
    }
    return offset + column;
  }
}
