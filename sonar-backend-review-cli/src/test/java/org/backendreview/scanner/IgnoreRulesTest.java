/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IgnoreRulesTest {

  private static IgnoreRules rules(String... lines) {
    return IgnoreRules.parse(List.of(lines));
  }

  @Test
  void name_without_slash_matches_at_any_depth() {
    IgnoreRules rules = rules("*.pyc", "generated.py", "# a comment", "");
    assertThat(rules.match("a/b/c.pyc", false)).isTrue();
    assertThat(rules.match("generated.py", false)).isTrue();
    assertThat(rules.match("pkg/generated.py", false)).isTrue();
    assertThat(rules.match("pkg/generated.pyx", false)).isNull();
  }

  @Test
  void slash_anchors_to_the_directory() {
    IgnoreRules rules = rules("/build.py", "docs/conf.py");
    assertThat(rules.match("build.py", false)).isTrue();
    assertThat(rules.match("pkg/build.py", false)).isNull();
    assertThat(rules.match("docs/conf.py", false)).isTrue();
    assertThat(rules.match("pkg/docs/conf.py", false)).isNull();
  }

  @Test
  void trailing_slash_matches_directories_only() {
    IgnoreRules rules = rules("legacy/");
    assertThat(rules.match("legacy", true)).isTrue();
    assertThat(rules.match("legacy", false)).isNull();
    assertThat(rules.match("app/legacy", true)).isTrue();
  }

  @Test
  void double_star() {
    IgnoreRules rules = rules("**/migrations/0*.py", "vendor/**", "a/**/z.py");
    assertThat(rules.match("shop/migrations/0001_initial.py", false)).isTrue();
    assertThat(rules.match("migrations/0001_initial.py", false)).isTrue();
    assertThat(rules.match("shop/migrations/helpers.py", false)).isNull();
    assertThat(rules.match("vendor/lib/x.py", false)).isTrue();
    assertThat(rules.match("a/z.py", false)).isTrue();
    assertThat(rules.match("a/b/c/z.py", false)).isTrue();
  }

  @Test
  void negation_and_last_match_wins() {
    IgnoreRules rules = rules("*.py", "!keep.py", "\\!literal.py");
    assertThat(rules.match("x.py", false)).isTrue();
    assertThat(rules.match("keep.py", false)).isFalse();
    assertThat(rules.match("!literal.py", false)).isTrue();
  }

  @Test
  void character_classes_and_question_mark() {
    IgnoreRules rules = rules("test_[a-c]?.py", "[!x]y.py");
    assertThat(rules.match("test_b1.py", false)).isTrue();
    assertThat(rules.match("test_d1.py", false)).isNull();
    assertThat(rules.match("ay.py", false)).isTrue();
    assertThat(rules.match("xy.py", false)).isNull();
  }

  @Test
  void ignores_checks_parent_directories() {
    IgnoreRules rules = rules("legacy/");
    assertThat(rules.ignores("app/legacy/old.py", false)).isTrue();
    assertThat(rules.ignores("app/new.py", false)).isFalse();
  }
}
