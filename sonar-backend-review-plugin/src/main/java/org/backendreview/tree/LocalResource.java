/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;
import org.sonar.plugins.python.api.tree.WithItem;

/**
 * How a function handles a resource it keeps in a local variable ({@code session = SessionLocal()}): whether a
 * {@code with} statement manages it, where its release method ({@code close()}, {@code stop()}) is called, whether it
 * escapes (returned, yielded, stored, passed on, captured) to code that may release it.
 */
public final class LocalResource {

  /** True when a {@code with}/{@code async with} statement manages the resource. */
  private boolean managed;
  private boolean escapes;
  private Tree yield;
  private final List<CallExpression> releases = new ArrayList<>();

  private LocalResource() {
  }

  /** The local name a value is assigned to ({@code x = value}, {@code x: T = value}), or null. */
  public static Name assignedLocal(Expression value) {
    Tree parent = value.parent();
    if (parent instanceof AssignmentStatement assignment && assignment.assignedValue() == value && assignment.lhsExpressions().size() == 1) {
      ExpressionList lhs = assignment.lhsExpressions().get(0);
      return lhs.expressions().size() == 1 && lhs.expressions().get(0) instanceof Name name ? name : null;
    }
    if (parent instanceof AnnotatedAssignment annotated && annotated.assignedValue() == value && annotated.variable() instanceof Name name) {
      return name;
    }
    return null;
  }

  /**
   * Analyses the uses of a variable bound once (by {@code binding}); null when it is bound several times.
   *
   * @param releaseMethods the methods that release the resource ({@code close}, {@code stop})
   * @param managingMethods methods whose result, used as a {@code with} item, manages the resource ({@code begin})
   */
  public static LocalResource analyse(Name binding, Set<String> releaseMethods, Set<String> managingMethods) {
    SymbolV2 symbol = binding.symbolV2();
    if (symbol == null || symbol.usages().stream().filter(UsageV2::isBindingUsage).count() != 1) {
      return null;
    }
    LocalResource resource = new LocalResource();
    for (UsageV2 usage : symbol.usages()) {
      Tree tree = usage.tree();
      if (tree == binding || usage.isBindingUsage()) {
        continue;
      }
      Tree parent = tree.parent();
      if (parent instanceof QualifiedExpression qualified && qualified.qualifier() == tree) {
        resource.method(qualified, releaseMethods, managingMethods);
      } else if (parent instanceof WithItem item && item.test() == tree) {
        resource.managed = true;
      } else if (parent instanceof ForStatement loop && loop.testExpressions().contains(tree)) {
        // iterating over it ("for message in consumer:") keeps it here
        continue;
      } else {
        Tree yield = Trees.firstAncestor(tree, t -> t.is(Tree.Kind.YIELD_EXPR, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA));
        if (yield != null && yield.is(Tree.Kind.YIELD_EXPR)) {
          resource.yield = yield;
        }
        // returned, yielded, stored, passed to a call or captured: someone else may release it
        resource.escapes = true;
      }
    }
    return resource;
  }

  private void method(QualifiedExpression qualified, Set<String> releaseMethods, Set<String> managingMethods) {
    String method = qualified.name().name();
    if (!(qualified.parent() instanceof CallExpression call) || call.callee() != qualified) {
      return;
    }
    if (releaseMethods.contains(method)) {
      releases.add(call);
    } else if (managingMethods.contains(method) && call.parent() instanceof WithItem item && item.test() == call) {
      managed = true;
    }
  }

  public boolean isManaged() {
    return managed;
  }

  public boolean escapes() {
    return escapes;
  }

  /** The {@code yield} expression that hands the resource out, or null. */
  public Tree yield() {
    return yield;
  }

  /** The calls of the release methods. */
  public List<CallExpression> releases() {
    return releases;
  }

  /**
   * True when the resource is released on every path: managed by {@code with}, released in a {@code finally} clause, or
   * released both in a broad {@code except} handler and on the normal path.
   */
  public boolean isReleasedOnEveryPath(FunctionDef function) {
    if (managed || releases.stream().anyMatch(c -> isInFinally(c, function))) {
      return true;
    }
    boolean inBroadHandler = false;
    boolean outsideHandlers = false;
    for (CallExpression release : releases) {
      Tree handler = Trees.firstAncestor(release, t -> t.is(Tree.Kind.EXCEPT_CLAUSE, Tree.Kind.FUNCDEF));
      if (!(handler instanceof ExceptClause exceptClause)) {
        outsideHandlers = true;
      } else if (isBroad(exceptClause)) {
        inBroadHandler = true;
      }
    }
    return inBroadHandler && outsideHandlers;
  }

  /** True when the tree is inside the body of a {@code try} that has a {@code finally} clause, within the function. */
  public static boolean isInTryWithFinally(Tree tree, FunctionDef function) {
    Tree current = tree.parent();
    while (current != null && current != function) {
      if (current instanceof TryStatement tryStatement && tryStatement.finallyClause() != null && Trees.isAncestorOrSelf(tryStatement.body(), tree)) {
        return true;
      }
      current = current.parent();
    }
    return false;
  }

  private static boolean isInFinally(Tree tree, FunctionDef function) {
    Tree current = tree.parent();
    while (current != null && current != function) {
      if (current.is(Tree.Kind.FINALLY_CLAUSE)) {
        return true;
      }
      current = current.parent();
    }
    return false;
  }

  private static boolean isBroad(ExceptClause handler) {
    Expression exception = handler.exception();
    return exception == null || exception instanceof Name name && ("Exception".equals(name.name()) || "BaseException".equals(name.name()));
  }
}
