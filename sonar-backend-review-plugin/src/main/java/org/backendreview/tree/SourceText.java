/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;

/** Short source text of expressions, for issue messages. */
public final class SourceText {

  private static final int MAX = 60;

  private SourceText() {
  }

  /** The tokens of the tree joined without whitespace ({@code db.query}), cut from the left past 60 characters. */
  public static String of(Tree tree) {
    StringBuilder text = new StringBuilder();
    append(tree, text);
    String result = text.toString();
    return result.length() > MAX ? "..." + result.substring(result.length() - MAX + 3) : result;
  }

  /** The callee text followed by {@code ()}: {@code db.query()} for {@code db.query(User)}. */
  public static String call(CallExpression call) {
    return of(call.callee()) + "()";
  }

  private static void append(Tree tree, StringBuilder text) {
    if (tree instanceof Token token) {
      text.append(token.value());
      return;
    }
    for (Tree child : tree.children()) {
      if (child != null) {
        append(child, text);
      }
    }
  }
}
