/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedIssuesTest {

  @Test
  void round_trip_is_sorted_and_stable(@TempDir Path dir) {
    Set<Issue> issues = Set.of(
      new Issue("b/x.py", 3, "RuleB", "Do not  do this: \"x\"."),
      new Issue("a/y.py", 10, "RuleA", "Second."),
      new Issue("a/y.py", 2, "RuleA", "First."),
      new Issue("a/y.py", 0, "RuleC", "File level."));
    Path file = dir.resolve("p.txt");
    ExpectedIssues.write(file, "p", issues);

    assertThat(ExpectedIssues.read(file)).containsExactlyElementsOf(new java.util.TreeSet<>(issues));
    String text = ExpectedIssues.format("p", issues);
    assertThat(text.lines().filter(l -> !l.startsWith("#")).toList()).containsExactly(
      "a/y.py:0  RuleC  File level.",
      "a/y.py:2  RuleA  First.",
      "a/y.py:10  RuleA  Second.",
      "b/x.py:3  RuleB  Do not  do this: \"x\".");
  }

  @Test
  void comments_and_blank_lines_are_ignored() {
    assertThat(ExpectedIssues.parse(List.of("# header", "", "  a.py:1  R  m  ", "#a.py:2  R  m"), "t"))
      .containsExactly(new Issue("a.py", 1, "R", "m"));
  }

  @Test
  void malformed_line_names_the_place() {
    assertThatThrownBy(() -> ExpectedIssues.parse(List.of("# x", "a.py 1 R m"), "f.txt"))
      .hasMessageStartingWith("f.txt:2: expected");
  }

  @Test
  void diff_lists_missing_then_unexpected() {
    Issue a = new Issue("a.py", 1, "R", "m");
    Issue b = new Issue("b.py", 2, "R", "n");
    Issue c = new Issue("c.py", 3, "S", "o");
    assertThat(ExpectedIssues.diff(Set.of(a, b), Set.of(a, b))).isEmpty();
    assertThat(ExpectedIssues.diff(Set.of(a, b), Set.of(a, c))).isEqualTo(
      "- missing:    b.py:2  R  n\n+ unexpected: c.py:3  S  o");
  }

  @Test
  void issue_normalises_separators_and_whitespace() {
    assertThat(new Issue("a\\b.py", 1, "R", " two\nlines ")).isEqualTo(new Issue("a/b.py", 1, "R", "two lines"));
  }
}
