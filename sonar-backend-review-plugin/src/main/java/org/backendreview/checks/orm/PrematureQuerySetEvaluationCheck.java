/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.ArgList;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.ParenthesizedExpression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.UnaryExpression;
import org.sonar.plugins.python.api.tree.WhileStatement;

/**
 * A queryset built in place and evaluated only to count it ({@code len(...)}), to test it ({@code if ...:},
 * {@code not ...}, {@code bool(...)}) or to take its first row ({@code list(...)[0]}): every row is loaded for an answer
 * the database gives with {@code count()}, {@code exists()} or {@code first()}; also {@code count()} compared with 0, which
 * {@code exists()} answers without counting. A queryset held in a local name assigned once counts too when the function
 * never reads its rows otherwise: evaluating a queryset before iterating it (or passing it on) fills its cache and is
 * the documented way to use it, so any other use of the name than a new query built from it keeps the rule silent.
 * Test functions are left alone (tests count and test the rows they assert on).
 */
@Rule(key = "PrematureQuerySetEvaluation")
public class PrematureQuerySetEvaluationCheck extends BackendReviewCheck {

  private static final Set<String> NOT_EVALUATED = Set.of("iterator", "none");
  private static final String EXISTS = "Use exists() instead of testing this queryset: testing it loads every row.";
  private static final String COUNT_EXISTS = "Use exists() instead of comparing count() with 0: counting reads every matching row.";
  /** Methods that run a new query whether or not the queryset was evaluated (they never read its cache). */
  private static final Set<String> FRESH_QUERIES = Set.of("update", "delete", "get", "create", "get_or_create", "update_or_create",
    "aggregate", "in_bulk", "bulk_create", "bulk_update", "latest", "earliest");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, PrematureQuerySetEvaluationCheck::checkCall);
    context.registerSyntaxNodeConsumer(Tree.Kind.IF_STMT, ctx -> checkCondition(((IfStatement) ctx.syntaxNode()).condition(), ctx));
    context.registerSyntaxNodeConsumer(Tree.Kind.WHILE_STMT, ctx -> checkCondition(((WhileStatement) ctx.syntaxNode()).condition(), ctx));
    context.registerSyntaxNodeConsumer(Tree.Kind.CONDITIONAL_EXPR,
      ctx -> checkCondition(((ConditionalExpression) ctx.syntaxNode()).condition(), ctx));
    context.registerSyntaxNodeConsumer(Tree.Kind.NOT, ctx -> checkCondition(((UnaryExpression) ctx.syntaxNode()).expression(), ctx));
    context.registerSyntaxNodeConsumer(Tree.Kind.SUBSCRIPTION, PrematureQuerySetEvaluationCheck::checkFirstItem);
    context.registerSyntaxNodeConsumer(Tree.Kind.COMPARISON, PrematureQuerySetEvaluationCheck::checkCountComparison);
  }

  private static void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<Expression> argument = singleArgument(call);
    if (argument.isEmpty() || !isQuerySetToFlag(argument.get(), ctx)) {
      return;
    }
    if (isBuiltin(call, "len")) {
      ctx.addIssue(call, "Use count() on this queryset instead of len(): len() loads every row to count them.");
    } else if (isBuiltin(call, "bool")) {
      ctx.addIssue(call, EXISTS);
    }
  }

  private static void checkCondition(Expression condition, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(condition);
    if (isQuerySetToFlag(expr, ctx)) {
      ctx.addIssue(expr, EXISTS);
    }
  }

  /** {@code list(<queryset>)[0]}. */
  private static void checkFirstItem(SubscriptionContext ctx) {
    SubscriptionExpression subscription = (SubscriptionExpression) ctx.syntaxNode();
    if (subscription.subscripts().expressions().size() == 1 && subscription.subscripts().expressions().get(0) instanceof NumericLiteral index
      && "0".equals(index.valueAsString()) && Trees.skipParentheses(subscription.object()) instanceof CallExpression call
      && isBuiltin(call, "list") && singleArgument(call).filter(a -> isQuerySetToFlag(a, ctx)).isPresent()) {
      ctx.addIssue(subscription, "Use first() on this queryset instead of list(...)[0]: list() loads every row to keep one.");
    }
  }

  /** {@code <queryset>.count() > 0}, {@code != 0}, {@code == 0}, {@code >= 1}, {@code < 1}, either side. */
  private static void checkCountComparison(SubscriptionContext ctx) {
    BinaryExpression comparison = (BinaryExpression) ctx.syntaxNode();
    Expression left = Trees.skipParentheses(comparison.leftOperand());
    Expression right = Trees.skipParentheses(comparison.rightOperand());
    String operator = comparison.operator().value();
    CallExpression count = null;
    if (left instanceof CallExpression call && isZeroComparison(operator, right)) {
      count = call;
    } else if (right instanceof CallExpression call && isZeroComparison(mirrored(operator), left)) {
      count = call;
    }
    if (count != null && count.arguments().isEmpty() && Fqns.calleeName(count).filter("count"::equals).isPresent()
      && Fqns.receiver(count).filter(r -> isQuerySetToFlag(r, ctx)).isPresent()) {
      ctx.addIssue(comparison, COUNT_EXISTS);
    }
  }

  private static boolean isZeroComparison(String operator, Expression literal) {
    if (!(literal instanceof NumericLiteral number)) {
      return false;
    }
    String value = number.valueAsString();
    return "0".equals(value) && Set.of(">", "!=", "==", "<=").contains(operator) || "1".equals(value) && Set.of(">=", "<").contains(operator);
  }

  private static String mirrored(String operator) {
    return switch (operator) {
      case ">" -> "<";
      case "<" -> ">";
      case ">=" -> "<=";
      case "<=" -> ">=";
      default -> operator;
    };
  }

  private static Optional<Expression> singleArgument(CallExpression call) {
    if (call.arguments().size() == 1 && call.arguments().get(0) instanceof RegularArgument argument && argument.keywordArgument() == null) {
      return Optional.of(argument.expression());
    }
    return Optional.empty();
  }

  private static boolean isBuiltin(CallExpression call, String name) {
    return Trees.skipParentheses(call.callee()) instanceof Name callee && callee.name().equals(name)
      && Fqns.ofCallee(call).filter(fqn -> fqn.equals(name) || fqn.equals("builtins." + name)).isPresent();
  }

  private static boolean isQuerySetToFlag(Expression expression, SubscriptionContext ctx) {
    // tests count and test the querysets they assert on (assertEqual(len(rows), 2)): not worth a query less
    FunctionDef function = Trees.enclosingFunction(expression);
    if (function != null && TestCode.isTestScenario(function)) {
      return false;
    }
    return isInlineQuerySet(expression, ctx) || isLocalQuerySetNeverReused(expression, ctx);
  }

  /**
   * A local name assigned once, in a function, with a queryset built in place, whose every other read is a new query
   * built from it ({@code qs.filter(...)}, {@code qs.update(...)}) or another use this rule reports: its rows are never
   * read from its cache.
   */
  private static boolean isLocalQuerySetNeverReused(Expression expression, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(expression) instanceof Name name) || name.symbolV2() == null) {
      return false;
    }
    Optional<Expression> value = ValueResolver.singleAssignedValue(name);
    FunctionDef function = Trees.enclosingFunction(name);
    if (value.isEmpty() || function == null || Trees.enclosingFunction(value.get()) != function || !isInlineQuerySet(value.get(), ctx)) {
      return false;
    }
    for (UsageV2 usage : name.symbolV2().usages()) {
      Tree read = usage.tree();
      if (!usage.isBindingUsage() && !(read instanceof Name other && Trees.enclosingFunction(other) == function && isReadWithoutCache(other))) {
        return false;
      }
    }
    return true;
  }

  /** The name is the receiver of a new query or one of the shapes this rule reports. */
  private static boolean isReadWithoutCache(Name name) {
    Tree parent = name.parent();
    if (parent instanceof QualifiedExpression qualified && qualified.qualifier() == name && qualified.parent() instanceof CallExpression call
      && call.callee() == qualified) {
      String method = qualified.name().name();
      return DjangoQuerySets.CHAIN_METHODS.contains(method) || FRESH_QUERIES.contains(method)
        || "count".equals(method) && call.parent() instanceof BinaryExpression comparison && comparison.is(Tree.Kind.COMPARISON);
    }
    Tree outer = parent;
    while (outer instanceof ParenthesizedExpression) {
      outer = outer.parent();
    }
    if (outer instanceof RegularArgument argument && argument.parent() instanceof ArgList args && args.parent() instanceof CallExpression call
      && args.arguments().size() == 1 && call.callee() instanceof Name callee && Set.of("len", "bool", "list").contains(callee.name())) {
      return !"list".equals(callee.name()) || call.parent() instanceof SubscriptionExpression;
    }
    return outer instanceof IfStatement ifStatement && Trees.isAncestorOrSelf(ifStatement.condition(), name)
      || outer instanceof WhileStatement whileStatement && Trees.isAncestorOrSelf(whileStatement.condition(), name)
      || outer instanceof ConditionalExpression conditional && Trees.isAncestorOrSelf(conditional.condition(), name)
      || outer != null && outer.is(Tree.Kind.NOT);
  }

  /** A queryset-returning method call written in place (not a name, not a manager, not sliced). */
  private static boolean isInlineQuerySet(Expression expression, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(expression);
    return expr instanceof CallExpression call && Fqns.calleeName(call).filter(m -> DjangoQuerySets.CHAIN_METHODS.contains(m) && !NOT_EVALUATED.contains(m)).isPresent()
      && DjangoQuerySets.of(expr, ctx).filter(qs -> !qs.sliced()).isPresent();
  }
}
