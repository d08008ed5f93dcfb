/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written view-registration hint agrees with the regular expression it replaced. */
class IndexCacheTest {

  private static final Pattern REGEX = Pattern.compile("\\b(?:re_)?path\\s*\\(|\\b(?:re_)?path\\s+as\\b");

  @Test
  void hint_agrees_with_the_regular_expression() {
    List<String> samples = List.of("", "path", "path(", "path (", "path\n\t(", "re_path(", "re_path  (", "are_path(", "xpath(",
      "_path(", "path_(", "os.path.join(a)", "from django.urls import path as p", "import path as", "import pathas x",
      "path as_x", "path asx", "re_path as r", "x.re_path(", "(path)", "mypath = 1", "path\u000Bas y", "re_", "re_pat",
      "path\r\n(", "9path(", "é path(", "[path(", "path\fas", "patpath(", "pathpath(", "repath(", "re_re_path(");
    for (String sample : samples) {
      assertThat(IndexCache.mayRegisterViews(sample)).as(sample).isEqualTo(REGEX.matcher(sample).find());
    }
    Random random = new Random(19);
    String[] pieces = {"path", "re_", "as", " ", "\n", "(", "_", "x", ".", "\t", "s", "a", "1"};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(8);
      for (int k = 0; k < count; k++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String sample = text.toString();
      assertThat(IndexCache.mayRegisterViews(sample)).as(sample).isEqualTo(REGEX.matcher(sample).find());
    }
  }
}
