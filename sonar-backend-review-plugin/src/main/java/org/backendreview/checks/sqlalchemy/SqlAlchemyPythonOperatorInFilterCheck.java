/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.InExpression;
import org.sonar.plugins.python.api.tree.IsExpression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.UnaryExpression;
import org.sonar.plugins.python.api.types.v2.ClassType;

/**
 * Python's {@code and}/{@code or}/{@code not}/{@code is}/{@code in} applied to SQLAlchemy column expressions
 * inside {@code filter()}/{@code where()}/{@code having()}. Python evaluates them on the column objects themselves: the
 * condition silently becomes a constant or loses half of its terms, or raises {@code TypeError}.
 */
@Rule(key = "SqlAlchemyPythonOperatorInFilter")
public class SqlAlchemyPythonOperatorInFilterCheck extends BackendReviewCheck {

  private static final Set<String> FILTER_METHODS = Set.of("filter", "where", "having");

  private ValueResolver resolver;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (Fqns.calleeName(call).filter(FILTER_METHODS::contains).isEmpty() || !isSqlAlchemyQuery(call, ctx)) {
      return;
    }
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
        Trees.walk(regular.expression(), t -> !t.is(Tree.Kind.LAMBDA), t -> checkOperator(ctx, t));
      }
    }
  }

  private static void checkOperator(SubscriptionContext ctx, Tree tree) {
    if (tree instanceof IsExpression is && (isColumn(is.leftOperand()) || isColumn(is.rightOperand()))) {
      String replacement = is.notToken() != null ? ".is_not(...)" : ".is_(...)";
      ctx.addIssue(is.operator(), "Use \"" + replacement + "\" instead of \"is" + (is.notToken() != null ? " not" : "")
        + "\": Python compares the column object itself and the filter becomes a constant.");
    } else if (tree instanceof InExpression in && isColumn(in.leftOperand())) {
      String replacement = in.notToken() != null ? ".not_in(...)" : ".in_(...)";
      ctx.addIssue(in.notToken() != null ? in.notToken() : in.operator(), "Use \"" + replacement + "\" instead of \""
        + (in.notToken() != null ? "not in" : "in") + "\": Python evaluates the membership test itself and the filter becomes a constant.");
    } else if (tree.is(Tree.Kind.AND, Tree.Kind.OR) && tree instanceof BinaryExpression binary
      && (isCondition(binary.leftOperand()) || isCondition(binary.rightOperand()))) {
      boolean and = tree.is(Tree.Kind.AND);
      ctx.addIssue(binary.operator(), "Use \"" + (and ? "and_(...)" : "or_(...)") + "\"" + (and ? " (or separate arguments)" : "")
        + " instead of \"" + (and ? "and" : "or") + "\": Python keeps only one of the conditions and the other is silently dropped.");
    } else if (tree.is(Tree.Kind.NOT) && isCondition(((UnaryExpression) tree).expression())) {
      ctx.addIssue(((UnaryExpression) tree).operator(), "Use \"~\" or \"not_(...)\" instead of \"not\": Python cannot negate a SQL "
        + "condition and this raises TypeError or gives a constant.");
    }
  }

  /**
   * A SQLAlchemy query chain: it starts with {@code select()}/{@code update()}/{@code delete()} from SQLAlchemy, with
   * {@code session.query(...)}, or with Flask-SQLAlchemy's {@code Model.query}; Django querysets are excluded.
   */
  private boolean isSqlAlchemyQuery(CallExpression call, SubscriptionContext ctx) {
    if (DjangoModels.managerMethod(call).isPresent()) {
      return false;
    }
    CallExpression start = SqlAlchemy.chainStart(call);
    if (SqlAlchemy.isStatementConstructor(start)) {
      return true;
    }
    Optional<Expression> receiver = Fqns.receiver(start);
    if (receiver.isEmpty()) {
      return false;
    }
    if (Fqns.calleeName(start).filter("query"::equals).isPresent() && SqlAlchemy.sessionKind(receiver.get(), resolver, ctx).isPresent()) {
      return true;
    }
    return Trees.skipParentheses(receiver.get()) instanceof QualifiedExpression modelQuery && "query".equals(modelQuery.name().name())
      && isModelClass(modelQuery.qualifier());
  }

  /** A condition on columns: a comparison, {@code is}/{@code in} or boolean column involving a mapped column. */
  private static boolean isCondition(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (isColumn(expr)) {
      return true;
    }
    if (expr.is(Tree.Kind.COMPARISON, Tree.Kind.IS, Tree.Kind.IN) && expr instanceof BinaryExpression binary) {
      return isColumn(binary.leftOperand()) || isColumn(binary.rightOperand());
    }
    if (expr.is(Tree.Kind.AND, Tree.Kind.OR) && expr instanceof BinaryExpression binary) {
      return isCondition(binary.leftOperand()) || isCondition(binary.rightOperand());
    }
    return expr.is(Tree.Kind.NOT) && isCondition(((UnaryExpression) expr).expression());
  }

  /** {@code Model.column} on a class that is not an Enum, or {@code table.c.column}. */
  private static boolean isColumn(Expression expression) {
    if (!(Trees.skipParentheses(expression) instanceof QualifiedExpression attribute) || attribute.name().name().startsWith("_")) {
      return false;
    }
    Expression qualifier = Trees.skipParentheses(attribute.qualifier());
    if (qualifier instanceof QualifiedExpression table && ("c".equals(table.name().name()) || "columns".equals(table.name().name()))) {
      return true;
    }
    return isModelClass(qualifier);
  }

  private static boolean isModelClass(Expression expression) {
    return expression.typeV2() instanceof ClassType classType
      && !ClassHierarchy.typeIsOrExtends(classType, fqn -> PythonApi.ENUM.contains(fqn) || fqn.startsWith(PythonApi.ENUM_MODULE));
  }
}
