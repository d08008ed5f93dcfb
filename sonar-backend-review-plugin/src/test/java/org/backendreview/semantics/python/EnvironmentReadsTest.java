/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.python;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentReadsTest {

  @Test
  void reads_and_their_fallbacks() {
    List<String> reads = new ArrayList<>();
    Analysis.onEach("settings.py", """
      import os
      import environ
      from decouple import config
      from os import getenv as ge

      env = environ.Env()
      os.environ.get("A", "1")
      os.getenv("B")
      ge("C", default="3")
      os.environ.setdefault("D", "4")
      config("E", default=5, cast=int)
      env("F", default="6")
      env.bool("G", default=True)
      other.get("H", "8")
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> EnvironmentReads.of((CallExpression) tree).ifPresent(read -> reads.add(
        read.variable().orElse("?") + "=" + read.defaultValue().map(d -> d.firstToken().value()).orElse("none"))));
    assertThat(reads).containsExactly("A=\"1\"", "B=none", "C=\"3\"", "D=\"4\"", "E=5", "F=\"6\"", "G=True");
  }
}
