/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.Locale;
import java.util.Optional;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Facts about a {@code create_engine}/{@code create_async_engine} call shared by the engine rules: whether the engine
 * outlives the function creating it (so its pool serves many requests) and whether it is a SQLite engine.
 */
public final class EngineCreations {

  private EngineCreations() {
  }

  /** A URL expression that mentions SQLite in a literal or a name ({@code "sqlite:///" + path}, {@code sqlite_url}). */
  public static boolean mentionsSqlite(Expression url) {
    boolean[] found = {false};
    Trees.walk(url, t -> true, t -> {
      if (t.is(Tree.Kind.STRING_ELEMENT, Tree.Kind.NAME) && t.firstToken() != null
        && t.firstToken().value().toLowerCase(Locale.ROOT).contains("sqlite")) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * An engine that outlives the function creating it, so that its pool serves many requests: assigned at module level or
   * to an attribute, or returned (directly or through a local name). A local engine used once by a script, a command or
   * a migration is not concerned: its connections are fresh.
   */
  public static boolean isLongLived(CallExpression call) {
    Tree parent = call.parent();
    while (parent != null && parent.is(Tree.Kind.PARENTHESIZED)) {
      parent = parent.parent();
    }
    if (parent != null && parent.is(Tree.Kind.RETURN_STMT)) {
      return true;
    }
    Expression target = assignmentTarget(call, parent);
    if (target == null) {
      return false;
    }
    if (target instanceof QualifiedExpression attribute) {
      return isOutlivingObject(attribute, call);
    }
    if (!(target instanceof Name name)) {
      return false;
    }
    if (Trees.nearestFunctionDef(call) == null) {
      return true;
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return false;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.kind() == UsageV2.Kind.GLOBAL_DECLARATION) {
        return true;
      }
      Tree use = usage.tree();
      Tree up = use.parent();
      if (up != null && up.is(Tree.Kind.RETURN_STMT)) {
        return true;
      }
      if (up instanceof AssignmentStatement assignment && assignment.assignedValue() == use
        && assignment.lhsExpressions().stream().flatMap(l -> l.expressions().stream()).anyMatch(QualifiedExpression.class::isInstance)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code self.engine = ...}, {@code app.state.engine = ...} with a module-level {@code app}: the object outlives the
   * call. An attribute of a local object ({@code metadata.bind = ...} on a local {@code metadata}) does not.
   */
  private static boolean isOutlivingObject(QualifiedExpression attribute, CallExpression call) {
    Expression root = attribute;
    while (root instanceof QualifiedExpression q) {
      root = Trees.skipParentheses(q.qualifier());
    }
    if (!(root instanceof Name name)) {
      return false;
    }
    if (ValueResolver.isSelf(name) || "cls".equals(name.name()) || Trees.nearestFunctionDef(call) == null) {
      return true;
    }
    SymbolV2 symbol = name.symbolV2();
    // a name with no binding in the function is a global or a closure variable
    return symbol != null && symbol.usages().stream().noneMatch(u -> u.isBindingUsage() && Trees.nearestFunctionDef(u.tree()) == Trees.nearestFunctionDef(call));
  }

  private static Expression assignmentTarget(CallExpression call, Tree parent) {
    if (parent instanceof AssignmentStatement assignment && assignment.assignedValue() == call && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1) {
      return assignment.lhsExpressions().get(0).expressions().get(0);
    }
    if (parent instanceof AnnotatedAssignment annotated && annotated.assignedValue() == call) {
      return annotated.variable();
    }
    return null;
  }

  /** {@code connect_args={"check_same_thread": False}} is SQLite's. */
  public static boolean isSqliteConnectArgs(CallExpression call) {
    Optional<Expression> args = Arguments.keyword(call, "connect_args").map(a -> Trees.skipParentheses(a.expression()));
    if (args.isEmpty() || !(args.get() instanceof DictionaryLiteral dict)) {
      return false;
    }
    return dict.elements().stream().anyMatch(e -> e instanceof KeyValuePair pair
      && Literals.stringValue(pair.key()).filter("check_same_thread"::equals).isPresent());
  }
}
