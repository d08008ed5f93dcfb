/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.List;
import java.util.Optional;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Arguments of calls by position or keyword. A positional lookup gives up (empty) when an unpacked {@code *args}
 * precedes the position, because the position of later arguments is then unknown.
 */
public final class Arguments {

  private Arguments() {
  }

  /** The keyword argument {@code keyword=...}, or empty. */
  public static Optional<RegularArgument> keyword(CallExpression call, String keyword) {
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && regular.keywordArgument() != null
        && keyword.equals(regular.keywordArgument().name())) {
        return Optional.of(regular);
      }
    }
    return Optional.empty();
  }

  /** The positional argument at {@code position} (0-based), or empty. */
  public static Optional<RegularArgument> positional(CallExpression call, int position) {
    int index = 0;
    for (Argument argument : call.arguments()) {
      if (argument.is(Tree.Kind.UNPACKING_EXPR)) {
        return Optional.empty();
      }
      RegularArgument regular = (RegularArgument) argument;
      if (regular.keywordArgument() != null) {
        return Optional.empty();
      }
      if (index == position) {
        return Optional.of(regular);
      }
      index++;
    }
    return Optional.empty();
  }

  /**
   * The argument bound to a parameter that may be passed at {@code position} (0-based, -1 for keyword-only) or as
   * {@code keyword}.
   */
  public static Optional<RegularArgument> of(CallExpression call, int position, String keyword) {
    Optional<RegularArgument> byKeyword = keyword(call, keyword);
    if (byKeyword.isPresent() || position < 0) {
      return byKeyword;
    }
    return positional(call, position);
  }

  /** The value expression of {@link #of(CallExpression, int, String)}. */
  public static Optional<Expression> value(CallExpression call, int position, String keyword) {
    return of(call, position, keyword).map(RegularArgument::expression);
  }

  /** True when the call passes {@code *args} or {@code **kwargs}: then absent arguments may still be given. */
  public static boolean hasUnpacking(CallExpression call) {
    return call.arguments().stream().anyMatch(a -> a.is(Tree.Kind.UNPACKING_EXPR));
  }

  /** True when the call passes {@code **kwargs} (any keyword may be set by it). */
  public static boolean hasKeywordUnpacking(CallExpression call) {
    return call.arguments().stream()
      .anyMatch(a -> a instanceof org.sonar.plugins.python.api.tree.UnpackingExpression u && "**".equals(u.starToken().value()));
  }

  /** Number of positional arguments before any keyword or unpacking argument. */
  public static int positionalCount(CallExpression call) {
    int count = 0;
    List<Argument> arguments = call.arguments();
    for (Argument argument : arguments) {
      if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() != null) {
        break;
      }
      count++;
    }
    return count;
  }
}
