/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.DjangoQuerySets;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.UnaryExpression;
import org.sonar.plugins.python.api.tree.WhileStatement;

/**
 * ORM-04: a queryset built in place and evaluated only to count it ({@code len(...)}), to test it ({@code if ...:},
 * {@code not ...}, {@code bool(...)}) or to take its first row ({@code list(...)[0]}): every row is loaded for an answer
 * the database gives with {@code count()}, {@code exists()} or {@code first()}. Querysets held in names are left alone:
 * evaluating one before iterating it fills its cache and is the documented way to use it.
 */
@Rule(key = "PrematureQuerySetEvaluation")
public class PrematureQuerySetEvaluationCheck extends PythonSubscriptionCheck {

  private static final Set<String> NOT_EVALUATED = Set.of("iterator", "none");
  private static final String EXISTS = "Use exists() instead of testing this queryset: testing it loads every row.";

  @Override
  public void initialize(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, PrematureQuerySetEvaluationCheck::checkCall);
    context.registerSyntaxNodeConsumer(Tree.Kind.IF_STMT, ctx -> checkCondition(((IfStatement) ctx.syntaxNode()).condition(), ctx));
    context.registerSyntaxNodeConsumer(Tree.Kind.WHILE_STMT, ctx -> checkCondition(((WhileStatement) ctx.syntaxNode()).condition(), ctx));
    context.registerSyntaxNodeConsumer(Tree.Kind.CONDITIONAL_EXPR,
      ctx -> checkCondition(((ConditionalExpression) ctx.syntaxNode()).condition(), ctx));
    context.registerSyntaxNodeConsumer(Tree.Kind.NOT, ctx -> checkCondition(((UnaryExpression) ctx.syntaxNode()).expression(), ctx));
    context.registerSyntaxNodeConsumer(Tree.Kind.SUBSCRIPTION, PrematureQuerySetEvaluationCheck::checkFirstItem);
  }

  private static void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<Expression> argument = singleArgument(call);
    if (argument.isEmpty() || !isInlineQuerySet(argument.get(), ctx)) {
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
    if (isInlineQuerySet(expr, ctx)) {
      ctx.addIssue(expr, EXISTS);
    }
  }

  /** {@code list(<queryset>)[0]}. */
  private static void checkFirstItem(SubscriptionContext ctx) {
    SubscriptionExpression subscription = (SubscriptionExpression) ctx.syntaxNode();
    if (subscription.subscripts().expressions().size() == 1 && subscription.subscripts().expressions().get(0) instanceof NumericLiteral index
      && "0".equals(index.valueAsString()) && Trees.skipParentheses(subscription.object()) instanceof CallExpression call
      && isBuiltin(call, "list") && singleArgument(call).filter(a -> isInlineQuerySet(a, ctx)).isPresent()) {
      ctx.addIssue(subscription, "Use first() on this queryset instead of list(...)[0]: list() loads every row to keep one.");
    }
  }

  private static Optional<Expression> singleArgument(CallExpression call) {
    if (call.arguments().size() == 1 && call.arguments().get(0) instanceof RegularArgument argument && argument.keywordArgument() == null) {
      return Optional.of(argument.expression());
    }
    return Optional.empty();
  }

  private static boolean isBuiltin(CallExpression call, String name) {
    return Trees.skipParentheses(call.callee()) instanceof org.sonar.plugins.python.api.tree.Name callee && callee.name().equals(name)
      && Fqns.ofCallee(call).filter(fqn -> fqn.equals(name) || fqn.equals("builtins." + name)).isPresent();
  }

  /** A queryset-returning method call written in place (not a name, not a manager, not sliced). */
  private static boolean isInlineQuerySet(Expression expression, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(expression);
    return expr instanceof CallExpression call && Fqns.calleeName(call).filter(m -> DjangoQuerySets.CHAIN_METHODS.contains(m) && !NOT_EVALUATED.contains(m)).isPresent()
      && DjangoQuerySets.of(expr, ctx).filter(qs -> !qs.sliced()).isPresent();
  }
}
