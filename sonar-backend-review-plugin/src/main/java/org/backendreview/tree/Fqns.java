/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.Optional;
import org.sonar.plugins.python.api.symbols.Symbol;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.HasSymbol;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.FullyQualifiedNameHelper;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * Fully qualified names of expressions, as far as the imports and the frontend's types prove them. Aliased imports
 * ({@code from x import y as z}, {@code import x as y}) and module attributes ({@code x.y.z}) resolve to the imported
 * name. An expression whose origin is unknown has no FQN: callers stay silent then.
 */
public final class Fqns {

  private Fqns() {
  }

  /**
   * The FQN of what this expression names: the v1 symbol's FQN when the frontend bound it to an import or a
   * definition, otherwise the FQN of its v2 type (which also names unresolved imports).
   */
  public static Optional<String> of(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof HasSymbol hasSymbol) {
      Symbol symbol = hasSymbol.symbol();
      if (symbol != null && symbol.fullyQualifiedName() != null) {
        return Optional.of(symbol.fullyQualifiedName());
      }
    }
    if (expr.is(Tree.Kind.NAME, Tree.Kind.QUALIFIED_EXPR)) {
      PythonType type = expr.typeV2();
      if (type != null && type != PythonType.UNKNOWN) {
        return FullyQualifiedNameHelper.getFullyQualifiedName(type);
      }
    }
    return Optional.empty();
  }

  /** The FQN of the called function or class. */
  public static Optional<String> ofCallee(CallExpression call) {
    Symbol symbol = call.calleeSymbol();
    if (symbol != null && symbol.fullyQualifiedName() != null) {
      return Optional.of(symbol.fullyQualifiedName());
    }
    return of(call.callee());
  }

  /** True when the callee's FQN is one of the given names. */
  public static boolean isCallTo(CallExpression call, String... fqns) {
    Optional<String> fqn = ofCallee(call);
    if (fqn.isEmpty()) {
      return false;
    }
    for (String candidate : fqns) {
      if (candidate.equals(fqn.get())) {
        return true;
      }
    }
    return false;
  }

  /** The simple name of the called function or method ({@code x.y.save()} gives {@code save}), or empty. */
  public static Optional<String> calleeName(CallExpression call) {
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof Name name) {
      return Optional.of(name.name());
    }
    if (callee instanceof QualifiedExpression qualified) {
      return Optional.of(qualified.name().name());
    }
    return Optional.empty();
  }

  /** For a method call {@code receiver.method(...)}, the receiver expression; empty for plain function calls. */
  public static Optional<Expression> receiver(CallExpression call) {
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof QualifiedExpression qualified) {
      return Optional.of(qualified.qualifier());
    }
    return Optional.empty();
  }
}
