/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyApi;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A SQL statement built and thrown away: {@code delete(User).where(...)}, {@code update(...)}, {@code insert(...)},
 * {@code select(...)}, {@code table.delete().where(...)} or {@code session.query(...).filter(...)} as an expression
 * statement. Building a statement does not run it; the DELETE or UPDATE never happens.
 */
@Rule(key = "SqlAlchemyStatementNotExecuted")
public class SqlAlchemyStatementNotExecutedCheck extends BackendReviewCheck {

  private static final Set<String> TABLE_STATEMENTS = Set.of("delete", "update", "insert", "select");
  private static final Set<String> QUERY_BUILDERS = Set.of("query", "filter", "filter_by", "where", "join", "outerjoin", "order_by",
    "limit", "offset", "options", "group_by", "having", "distinct", "with_for_update");
  private static final Set<String> TABLE_CLASSES = SqlAlchemyApi.TABLE.fqns();

  private ValueResolver resolver;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.EXPRESSION_STMT, this::check);
  }

  private void check(SubscriptionContext ctx) {
    ExpressionStatement statement = (ExpressionStatement) ctx.syntaxNode();
    if (statement.expressions().size() != 1 || !(Trees.skipParentheses(statement.expressions().get(0)) instanceof CallExpression call)) {
      return;
    }
    CallExpression start = SqlAlchemy.chainStart(call);
    String kind = statementKind(start, ctx);
    if (kind == null || !allBuilders(call, start, kind)) {
      return;
    }
    String verb = kind.toUpperCase(Locale.ROOT);
    if ("query".equals(kind)) {
      ctx.addIssue(call, "Run this query (\".all()\", \".first()\", \".delete()\"...) or remove it: as written it is built and thrown away.");
    } else if ("select".equals(kind)) {
      ctx.addIssue(call, "Execute this SELECT statement (\"session.execute(...)\") or remove it: it is built here and thrown away.");
    } else {
      ctx.addIssue(call, "Execute this " + verb + " statement (\"session.execute(...)\"): it is built here and thrown away, so nothing is "
        + ("insert".equals(kind) ? "inserted" : kind + "d") + ".");
    }
  }

  /** "delete"/"update"/"insert"/"select" for statement constructors and Table methods, "query" for session.query(); else null. */
  private String statementKind(CallExpression start, SubscriptionContext ctx) {
    Optional<String> name = Fqns.calleeName(start);
    if (name.isEmpty()) {
      return null;
    }
    if (SqlAlchemy.isStatementConstructor(start)) {
      return name.get();
    }
    Optional<Expression> receiver = Fqns.receiver(start);
    if (receiver.isEmpty()) {
      return null;
    }
    if ("query".equals(name.get()) && SqlAlchemy.sessionKind(receiver.get(), resolver, ctx).isPresent()) {
      return "query";
    }
    if (TABLE_STATEMENTS.contains(name.get()) && isTable(receiver.get(), ctx)) {
      return name.get();
    }
    return null;
  }

  /** {@code Model.__table__} or a {@code Table(...)} object. */
  private boolean isTable(Expression expression, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof QualifiedExpression q && "__table__".equals(q.name().name())) {
      return true;
    }
    List<Expression> values = resolver.origins(expr, ctx);
    return !values.isEmpty() && values.stream().allMatch(v -> v instanceof CallExpression c && Fqns.ofCallee(c).filter(TABLE_CLASSES::contains).isPresent());
  }

  /** Every call of the chain only builds the statement (no terminal method such as {@code all()} or {@code delete()} on a query). */
  private static boolean allBuilders(CallExpression call, CallExpression start, String kind) {
    CallExpression current = call;
    while (current != start) {
      String name = Fqns.calleeName(current).orElse("");
      if ("query".equals(kind) ? !QUERY_BUILDERS.contains(name) : Set.of("execute", "scalar", "scalars").contains(name)) {
        return false;
      }
      current = (CallExpression) Trees.skipParentheses(Fqns.receiver(current).orElseThrow());
    }
    return true;
  }
}
