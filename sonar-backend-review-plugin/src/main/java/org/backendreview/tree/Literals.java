/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ListLiteral;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.SetLiteral;
import org.sonar.plugins.python.api.tree.StringElement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.Tuple;
import org.sonar.plugins.python.api.tree.UnaryExpression;

/** Constant values of literal expressions. */
public final class Literals {

  private Literals() {
  }

  /**
   * The value of a constant string literal, implicit concatenation included ({@code "a" "b"} gives {@code ab});
   * empty for f-strings, t-strings and byte strings, whose value is not a constant {@code str}. Escape sequences are
   * left as written.
   */
  public static Optional<String> stringValue(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (!expr.is(Tree.Kind.STRING_LITERAL)) {
      return Optional.empty();
    }
    StringBuilder value = new StringBuilder();
    for (StringElement element : ((StringLiteral) expr).stringElements()) {
      String prefix = element.prefix().toLowerCase(Locale.ROOT);
      if (element.isInterpolated() || element.isTemplate() || prefix.contains("b")) {
        return Optional.empty();
      }
      value.append(element.trimmedQuotesValue());
    }
    return Optional.of(value.toString());
  }

  /** True for a string literal that contains formatted expressions (an f-string part). */
  public static boolean isFString(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return expr.is(Tree.Kind.STRING_LITERAL)
      && ((StringLiteral) expr).stringElements().stream().anyMatch(StringElement::isInterpolated);
  }

  /** {@code True}/{@code False} literals; empty for anything else. */
  public static Optional<Boolean> booleanValue(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof Name name) {
      if ("True".equals(name.name())) {
        return Optional.of(Boolean.TRUE);
      }
      if ("False".equals(name.name())) {
        return Optional.of(Boolean.FALSE);
      }
    }
    return Optional.empty();
  }

  /** True for {@code None}. */
  public static boolean isNone(Expression expression) {
    return Trees.skipParentheses(expression).is(Tree.Kind.NONE);
  }

  /** True for a numeric literal, optionally negated. */
  public static boolean isNumber(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr.is(Tree.Kind.UNARY_MINUS, Tree.Kind.UNARY_PLUS)) {
      expr = Trees.skipParentheses(((UnaryExpression) expr).expression());
    }
    return expr instanceof NumericLiteral;
  }

  /** True for any literal constant: string (not f-string), number, boolean, None. */
  public static boolean isConstant(Expression expression) {
    return stringValue(expression).isPresent() || isNumber(expression) || booleanValue(expression).isPresent() || isNone(expression);
  }

  /**
   * The elements of a list, tuple or set literal, or empty when the expression is not such a literal. Elements are
   * returned unmodified (they may be any expression).
   */
  public static Optional<List<Expression>> collectionElements(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof ListLiteral list) {
      return Optional.of(new ArrayList<>(list.elements().expressions()));
    }
    if (expr instanceof Tuple tuple) {
      return Optional.of(new ArrayList<>(tuple.elements()));
    }
    if (expr instanceof SetLiteral set) {
      return Optional.of(new ArrayList<>(set.elements()));
    }
    return Optional.empty();
  }
}
