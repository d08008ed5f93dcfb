/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sonar.plugins.python.api.nosonar.NoSonarInfoParser;
import org.sonar.plugins.python.api.nosonar.NoSonarLineInfo;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.Trivia;

/**
 * Issue suppression comments of a file, with SonarQube's semantics for Python: {@code # NOSONAR} (or a bare
 * {@code # noqa}) on a line drops every issue of that line; {@code # NOSONAR(Key1, Key2)} (or {@code # noqa: Key})
 * drops the issues of those rule keys only; a comment after a multi-line string covers all the string's lines. A bare
 * {@code # nosec} suppresses only SonarPython's own security rules (its VULNERABILITY rules) in SonarQube, so it
 * suppresses none of ours.
 */
final class NoSonarLines {

  private final Map<Integer, NoSonarLineInfo> lines;

  private NoSonarLines(Map<Integer, NoSonarLineInfo> lines) {
    this.lines = lines;
  }

  static NoSonarLines of(Tree root, NoSonarInfoParser parser) {
    Map<Integer, NoSonarLineInfo> lines = new HashMap<>();
    Deque<Tree> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Tree tree = stack.pop();
      if (tree instanceof Token token) {
        for (Trivia trivia : token.trivia()) {
          String comment = trivia.token().value();
          if (comment.indexOf('#') < 0) {
            continue;
          }
          Optional<NoSonarLineInfo> info = parser.parse(comment.substring(comment.indexOf('#')));
          if (info.isPresent()) {
            int line = trivia.token().line();
            lines.put(line, info.get());
            if (token.parent() instanceof ExpressionStatement statement && !statement.expressions().isEmpty()
              && statement.expressions().get(0) instanceof StringLiteral literal) {
              for (int i = literal.firstToken().line(); i < line; i++) {
                lines.put(i, info.get());
              }
            }
          }
        }
      }
      for (Tree child : tree.children()) {
        if (child != null) {
          stack.push(child);
        }
      }
    }
    return new NoSonarLines(lines);
  }

  boolean suppresses(RuleInfo rule, int line) {
    NoSonarLineInfo info = lines.get(line);
    if (info == null) {
      return false;
    }
    if (info.isSuppressedRuleKeysEmpty()) {
      return !info.securityOnlySuppression() || (!rule.isOurs() && "VULNERABILITY".equals(rule.type()));
    }
    return info.suppressedRuleKeys().contains(rule.key());
  }
}
