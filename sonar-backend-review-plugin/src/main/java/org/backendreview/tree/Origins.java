/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WithItem;

/**
 * Where the object an expression holds was created: the expressions that may have produced its value. Used to tell
 * that a receiver such as {@code s} in {@code s.get(url)} is the object built by {@code requests.Session()}.
 * <ul>
 *   <li>a local name: the values reaching it ({@code ctx.valuesAtLocation}); when the frontend gives none (module
 *   globals read in a function, {@code with X() as name}), the values of all its bindings when every binding is a plain
 *   assignment or a {@code with} item;</li>
 *   <li>{@code self.attr} in a method: every value assigned to {@code self.attr} in the methods of the class (and
 *   {@code attr = value} in the class body);</li>
 *   <li>any other expression (a call, a literal): itself.</li>
 * </ul>
 * An empty list means "unknown" (parameters, loop variables, tuple unpacking, other objects' attributes): callers stay
 * silent then. One instance per file: it caches the attribute assignments of each class it is asked about.
 */
public final class Origins {

  private static final int MAX_DEPTH = 3;

  private final Map<ClassDef, Map<String, List<Expression>>> selfAttributes = new IdentityHashMap<>();

  /** The possible origins of the expression's value; empty when unknown. */
  public List<Expression> of(Expression expression, SubscriptionContext ctx) {
    List<Expression> result = new ArrayList<>();
    if (!collect(expression, ctx, result, 0)) {
      return List.of();
    }
    return result.stream().distinct().toList();
  }

  /** The unique origin when there is exactly one, else null. */
  public Expression single(Expression expression, SubscriptionContext ctx) {
    List<Expression> origins = of(expression, ctx);
    return origins.size() == 1 ? origins.get(0) : null;
  }

  private boolean collect(Expression expression, SubscriptionContext ctx, List<Expression> result, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (expr instanceof Name name) {
      return collectAll(nameValues(name, ctx), ctx, result, depth);
    }
    if (expr instanceof QualifiedExpression qualified && isSelf(qualified.qualifier())) {
      ClassDef owner = Trees.enclosingClass(qualified);
      return owner != null
        && collectAll(selfAttributes.computeIfAbsent(owner, Origins::attributeAssignments).get(qualified.name().name()), ctx, result, depth);
    }
    if (expr instanceof Name || expr instanceof QualifiedExpression) {
      return false;
    }
    if (!expr.is(Tree.Kind.NONE)) {
      // None is a placeholder ("not created yet"), not an origin
      result.add(expr);
    }
    return true;
  }

  /** Collects the origins of every value; false when there is none or one of them is unknown. */
  private boolean collectAll(List<Expression> values, SubscriptionContext ctx, List<Expression> result, int depth) {
    if (values == null || values.isEmpty()) {
      return false;
    }
    for (Expression value : values) {
      if (!collect(value, ctx, result, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private static List<Expression> nameValues(Name name, SubscriptionContext ctx) {
    Set<Expression> reaching = ctx.valuesAtLocation(name);
    if (!reaching.isEmpty()) {
      return new ArrayList<>(reaching);
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return List.of();
    }
    List<Expression> values = new ArrayList<>();
    for (UsageV2 usage : symbol.usages()) {
      if (!usage.isBindingUsage()) {
        continue;
      }
      Expression value = bindingValue(usage);
      if (value == null) {
        return List.of();
      }
      values.add(value);
    }
    return values;
  }

  /** The value bound by an assignment or a with item; null for other bindings. */
  private static Expression bindingValue(UsageV2 usage) {
    Tree target = usage.tree();
    Tree parent = target.parent();
    if (usage.kind() == UsageV2.Kind.WITH_INSTANCE && parent instanceof WithItem item && item.expression() == target) {
      return item.test();
    }
    if (usage.kind() != UsageV2.Kind.ASSIGNMENT_LHS) {
      return null;
    }
    if (parent instanceof ExpressionList list && list.expressions().size() == 1 && parent.parent() instanceof AssignmentStatement assignment) {
      return assignment.assignedValue();
    }
    if (parent instanceof AnnotatedAssignment annotated && annotated.variable() == target) {
      return annotated.assignedValue();
    }
    return null;
  }

  /** True for the first parameter of the enclosing method (conventionally {@code self}). */
  public static boolean isSelf(Expression expression) {
    if (!(Trees.skipParentheses(expression) instanceof Name name)) {
      return false;
    }
    FunctionDef function = Trees.enclosingFunction(name);
    if (function == null || Trees.methodOwner(function) == null || function.parameters() == null) {
      // also accept self in a nested function/lambda of a method
      function = Trees.nearestFunctionDef(name);
      if (function == null || Trees.methodOwner(function) == null || function.parameters() == null) {
        return false;
      }
    }
    List<Parameter> parameters = function.parameters().nonTuple();
    return !parameters.isEmpty() && parameters.get(0).name() != null && parameters.get(0).name().name().equals(name.name())
      && function.decorators().stream().noneMatch(d -> d.expression() instanceof Name n && "staticmethod".equals(n.name()));
  }

  /** {@code self.attr = value} in the class's methods and {@code attr = value} in its body, by attribute name. */
  private static Map<String, List<Expression>> attributeAssignments(ClassDef classDef) {
    Map<String, List<Expression>> result = new LinkedHashMap<>();
    Trees.walk(classDef.body(), t -> !t.is(Tree.Kind.CLASSDEF), t -> {
      if (t instanceof AssignmentStatement assignment) {
        for (ExpressionList lhs : assignment.lhsExpressions()) {
          if (lhs.expressions().size() != 1) {
            continue;
          }
          Expression target = lhs.expressions().get(0);
          if (target instanceof QualifiedExpression q && isSelf(q.qualifier()) && Trees.enclosingClass(q) == classDef) {
            result.computeIfAbsent(q.name().name(), k -> new ArrayList<>()).add(assignment.assignedValue());
          } else if (target instanceof Name n && assignment.parent() != null && assignment.parent().parent() == classDef) {
            result.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(assignment.assignedValue());
          }
        }
      } else if (t instanceof AnnotatedAssignment annotated && annotated.assignedValue() != null
        && annotated.variable() instanceof QualifiedExpression q && isSelf(q.qualifier()) && Trees.enclosingClass(q) == classDef) {
        result.computeIfAbsent(q.name().name(), k -> new ArrayList<>()).add(annotated.assignedValue());
      }
    });
    return result;
  }
}
