/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

/** A check with a bug: it reports every file, and throws on a name {@code boom}. */
@Rule(key = "ThrowingForTest")
public class ThrowingCheck extends PythonSubscriptionCheck {

  @Override
  public void initialize(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> ctx.addFileIssue("File seen."));
    context.registerSyntaxNodeConsumer(Tree.Kind.NAME, ctx -> {
      if ("boom".equals(((Name) ctx.syntaxNode()).name())) {
        throw new IllegalStateException("boom");
      }
    });
  }
}
