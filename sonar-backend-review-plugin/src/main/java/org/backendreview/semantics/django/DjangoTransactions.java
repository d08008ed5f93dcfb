/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WithItem;
import org.sonar.plugins.python.api.tree.WithStatement;

/**
 * Django transaction context: whether code runs inside {@code with transaction.atomic(...)} or a function decorated
 * with {@code @transaction.atomic} / {@code @transaction.atomic(using=..., savepoint=...)}, as written in the function
 * itself. Code in a lambda or a nested function (e.g. a {@code transaction.on_commit(lambda: ...)} callback) does not
 * run in the enclosing block. Callers of a function are not known: a helper called from an atomic block is "outside".
 */
public final class DjangoTransactions {

  public static final String ATOMIC = "django.db.transaction.atomic";
  public static final String ON_COMMIT = "django.db.transaction.on_commit";
  private static final Set<String> ATOMIC_FQNS = Set.of(ATOMIC, "django.db.transaction.Atomic");

  private DjangoTransactions() {
  }

  /**
   * An atomic scope.
   *
   * @param marker the {@code with} item or the decorator, for secondary locations
   * @param body the statements run in the transaction (the with block, or the function)
   * @param decorator true for {@code @transaction.atomic} on a function
   */
  public record Atomic(Tree marker, Tree body, boolean decorator) {
  }

  /** The innermost atomic scope the node runs in, within its own function; empty when none is visible. */
  public static Optional<Atomic> enclosing(Tree node) {
    Tree child = node;
    Tree current = node.parent();
    while (current != null) {
      if (current instanceof WithStatement with && child == with.statements()) {
        for (WithItem item : with.withItems()) {
          if (isAtomicCall(item.test())) {
            return Optional.of(new Atomic(item, with.statements(), false));
          }
        }
      } else if (current instanceof FunctionDef function) {
        return atomicDecorator(function).map(d -> new Atomic(d, function, true));
      } else if (current.is(Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF)) {
        return Optional.empty();
      }
      child = current;
      current = current.parent();
    }
    return Optional.empty();
  }

  /** All atomic scopes around the node within its function, innermost first (for nested savepoints). */
  public static java.util.List<Atomic> enclosingAll(Tree node) {
    java.util.List<Atomic> result = new java.util.ArrayList<>();
    Tree start = node;
    Optional<Atomic> atomic = enclosing(start);
    while (atomic.isPresent()) {
      result.add(atomic.get());
      if (atomic.get().decorator()) {
        break;
      }
      start = atomic.get().body().parent();
      atomic = enclosing(start);
    }
    return result;
  }

  /** {@code transaction.atomic()}, {@code atomic(using="x")}, {@code transaction.atomic} (as written). */
  public static boolean isAtomicCall(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof CallExpression call) {
      return Fqns.ofCallee(call).filter(ATOMIC_FQNS::contains).isPresent();
    }
    return Fqns.of(expr).filter(ATOMIC_FQNS::contains).isPresent();
  }

  /** The {@code @transaction.atomic} decorator of the function, also {@code @method_decorator(transaction.atomic)}. */
  public static Optional<Decorator> atomicDecorator(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      Expression expression = decorator.expression();
      if (isAtomicCall(expression)) {
        return Optional.of(decorator);
      }
      if (expression instanceof CallExpression call && Fqns.isCallTo(call, "django.utils.decorators.method_decorator")
        && !call.arguments().isEmpty() && call.arguments().get(0) instanceof org.sonar.plugins.python.api.tree.RegularArgument arg
        && isAtomicCall(arg.expression())) {
        return Optional.of(decorator);
      }
    }
    return Optional.empty();
  }

  /** True when the function opts out of ATOMIC_REQUESTS with {@code @transaction.non_atomic_requests}. */
  public static boolean isNonAtomicRequests(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      Expression expression = decorator.expression();
      Optional<String> fqn = expression instanceof CallExpression call ? Fqns.ofCallee(call) : Fqns.of(expression);
      if (fqn.filter("django.db.transaction.non_atomic_requests"::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
