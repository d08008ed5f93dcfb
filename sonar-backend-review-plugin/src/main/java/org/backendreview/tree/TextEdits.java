/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.List;
import org.sonar.plugins.python.api.quickfix.PythonTextEdit;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Builders of quick-fix text edits on the public API (the frontend's own helpers are not visible to plugins).
 * Lines are 1-based, offsets 0-based, as in {@link PythonTextEdit}.
 */
public final class TextEdits {

  private TextEdits() {
  }

  /** Inserts text right before the token. */
  public static PythonTextEdit insertBefore(Token token, String text) {
    return new PythonTextEdit(text, token.line(), token.column(), token.line(), token.column());
  }

  /** Inserts text right before the first token of the tree. */
  public static PythonTextEdit insertBefore(Tree tree, String text) {
    return insertBefore(tree.firstToken(), text);
  }

  /** Inserts text right after the token. */
  public static PythonTextEdit insertAfter(Token token, String text) {
    int[] end = end(token);
    return new PythonTextEdit(text, end[0], end[1], end[0], end[1]);
  }

  /** Inserts text right after the last token of the tree. */
  public static PythonTextEdit insertAfter(Tree tree, String text) {
    return insertAfter(tree.lastToken(), text);
  }

  /** Replaces the text of the whole tree. */
  public static PythonTextEdit replace(Tree tree, String text) {
    return replaceRange(tree.firstToken(), tree.lastToken(), text);
  }

  /** Replaces the text from the start of {@code from} to the end of {@code to}. */
  public static PythonTextEdit replaceRange(Token from, Token to, String text) {
    int[] end = end(to);
    return new PythonTextEdit(text, from.line(), from.column(), end[0], end[1]);
  }

  /** Removes the text of the whole tree. */
  public static PythonTextEdit remove(Tree tree) {
    return replace(tree, "");
  }

  /** End position {line, offset} of a token, multi-line tokens (triple-quoted strings) included. */
  public static int[] end(Token token) {
    String value = token.value();
    int newline = value.lastIndexOf('\n');
    if (newline < 0) {
      return new int[] {token.line(), token.column() + value.length()};
    }
    int lines = (int) value.chars().filter(c -> c == '\n').count();
    return new int[] {token.line() + lines, value.length() - newline - 1};
  }

  /**
   * Adds an argument (e.g. {@code "timeout=10"}) at the end of a call's argument list: after the last argument (a
   * trailing comma stays after the new one), or between the parentheses of a call without arguments.
   */
  public static PythonTextEdit appendArgument(CallExpression call, String argument) {
    List<Argument> arguments = call.arguments();
    if (arguments.isEmpty()) {
      return insertBefore(call.rightPar(), argument);
    }
    return insertAfter(arguments.get(arguments.size() - 1), ", " + argument);
  }
}
