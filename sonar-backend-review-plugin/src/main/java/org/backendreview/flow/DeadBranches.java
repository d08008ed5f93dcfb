/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.Optional;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.UnaryExpression;
import org.sonar.plugins.python.api.tree.WhileStatement;

/**
 * Code that never runs because a condition is constant: {@code if 7 * 3 > 100:} or {@code x if 2 + 2 == 5 else y}, with
 * integer and string arithmetic, comparisons, {@code and}/{@code or}/{@code not}, {@code len()} of a literal and names
 * bound once to such a value ({@code limit = 10}). Anything else is not constant: the branch may run.
 */
final class DeadBranches {

  private static final int MAX_DEPTH = 8;

  private DeadBranches() {
  }

  /** True when the tree sits in a branch of its function that a constant condition rules out. */
  static boolean isDead(Tree tree) {
    Tree child = tree;
    for (Tree parent = tree.parent(); parent != null && !parent.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF);
      child = parent, parent = parent.parent()) {
      if (parent instanceof IfStatement ifStatement && isDeadBranch(ifStatement, child)) {
        return true;
      }
      if (parent instanceof WhileStatement loop && child == loop.body() && condition(loop.condition()).filter(v -> !v).isPresent()) {
        return true;
      }
      if (parent instanceof ConditionalExpression conditional && isDeadBranch(conditional, child)) {
        return true;
      }
    }
    return false;
  }

  /** The branch of the conditional expression that a constant condition selects, or empty. */
  static Optional<Expression> takenBranch(ConditionalExpression conditional) {
    return condition(conditional.condition()).map(v -> v ? conditional.trueExpression() : conditional.falseExpression());
  }

  private static boolean isDeadBranch(ConditionalExpression conditional, Tree child) {
    Optional<Boolean> value = condition(conditional.condition());
    return value.isPresent() && (child == conditional.trueExpression() && !value.get() || child == conditional.falseExpression() && value.get());
  }

  private static boolean isDeadBranch(IfStatement ifStatement, Tree child) {
    if (child == ifStatement.condition()) {
      return false;
    }
    if (child == ifStatement.body()) {
      return condition(ifStatement.condition()).filter(v -> !v).isPresent();
    }
    // elif and else: dead when an earlier condition of the chain is always true
    if (condition(ifStatement.condition()).filter(v -> v).isPresent()) {
      return true;
    }
    for (IfStatement elif : ifStatement.elifBranches()) {
      if (elif == child) {
        return false;
      }
      if (condition(elif.condition()).filter(v -> v).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The truth value of a constant condition, or empty. */
  static Optional<Boolean> condition(Expression condition) {
    return value(condition, 0).map(DeadBranches::truth);
  }

  private static boolean truth(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Long l) {
      return l != 0;
    }
    return !((String) value).isEmpty();
  }

  /** A Long, a String or a Boolean, or empty when the value is not a constant. */
  private static Optional<Object> value(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expr instanceof NumericLiteral number) {
      try {
        return Optional.of(Long.parseLong(number.valueAsString().replace("_", "")));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    Optional<String> text = Literals.stringValue(expr);
    if (text.isPresent()) {
      return Optional.of(text.get());
    }
    Optional<Boolean> bool = Literals.booleanValue(expr);
    if (bool.isPresent()) {
      return Optional.of(bool.get());
    }
    if (expr instanceof Name name) {
      return ValueResolver.singleAssignedValue(name).flatMap(v -> value(v, depth + 1));
    }
    if (expr instanceof UnaryExpression unary) {
      Optional<Object> operand = value(unary.expression(), depth + 1);
      if (expr.is(Tree.Kind.NOT)) {
        return operand.map(v -> !truth(v));
      }
      if (expr.is(Tree.Kind.UNARY_MINUS)) {
        return operand.filter(Long.class::isInstance).map(v -> -(Long) v);
      }
      return Optional.empty();
    }
    if (expr instanceof CallExpression call && call.arguments().size() == 1 && call.callee() instanceof Name callee
      && "len".equals(callee.name()) && call.arguments().get(0) instanceof RegularArgument argument) {
      return value(argument.expression(), depth + 1).filter(String.class::isInstance).map(v -> (long) ((String) v).length());
    }
    if (expr instanceof BinaryExpression binary) {
      return binary(binary, depth);
    }
    return Optional.empty();
  }

  private static Optional<Object> binary(BinaryExpression binary, int depth) {
    Optional<Object> left = value(binary.leftOperand(), depth + 1);
    if (left.isEmpty()) {
      return Optional.empty();
    }
    if (binary.is(Tree.Kind.AND)) {
      return truth(left.get()) ? value(binary.rightOperand(), depth + 1) : left;
    }
    if (binary.is(Tree.Kind.OR)) {
      return truth(left.get()) ? left : value(binary.rightOperand(), depth + 1);
    }
    Optional<Object> right = value(binary.rightOperand(), depth + 1);
    if (right.isEmpty()) {
      return Optional.empty();
    }
    Object a = left.get();
    Object b = right.get();
    String operator = binary.operator().value();
    if (a instanceof Long x && b instanceof Long y) {
      return arithmetic(operator, x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return switch (operator) {
        case "+" -> Optional.of(x + y);
        case "==" -> Optional.of(x.equals(y));
        case "!=" -> Optional.of(!x.equals(y));
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  private static Optional<Object> arithmetic(String operator, long x, long y) {
    return switch (operator) {
      case "+" -> Optional.of(x + y);
      case "-" -> Optional.of(x - y);
      case "*" -> Optional.of(x * y);
      case "//" -> y == 0 ? Optional.empty() : Optional.of(Math.floorDiv(x, y));
      case "%" -> y == 0 ? Optional.empty() : Optional.of(Math.floorMod(x, y));
      case "==" -> Optional.of(x == y);
      case "!=" -> Optional.of(x != y);
      case "<" -> Optional.of(x < y);
      case "<=" -> Optional.of(x <= y);
      case ">" -> Optional.of(x > y);
      case ">=" -> Optional.of(x >= y);
      default -> Optional.empty();
    };
  }
}
