/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.List;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy.SessionKind;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The 1.x query API in a module that already uses SQLAlchemy 2.0 ({@code Mapped}, {@code mapped_column},
 * {@code DeclarativeBase}, {@code async_sessionmaker} imported): {@code session.query(...)}, {@code engine.execute(...)}
 * (removed in 2.0), {@code autocommit=True} on sessions (removed), {@code select([...])} with a list (removed).
 */
@Rule(key = "SqlAlchemyLegacyQueryApi")
public class SqlAlchemyLegacyQueryApiCheck extends BackendReviewCheck {

  private static final String EVIDENCE = "SQLAlchemy 2.0 API used in this module";

  private ValueResolver resolver;
  private Tree evidence;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> {
      AnalysisContext file = AnalysisContext.of(ctx);
      resolver = file.values();
      evidence = SqlAlchemy.api20Evidence(file);
    });
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    if (evidence == null) {
      return;
    }
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (method.filter("query"::equals).isPresent() && receiver.isPresent()) {
      Optional<SessionKind> kind = SqlAlchemy.sessionKind(receiver.get(), resolver, ctx);
      if (kind.filter(k -> k != SessionKind.ASYNC).isPresent()) {
        ctx.addIssue(call.callee(), "Use \"select()\" with \"session.execute()\"/\"session.scalars()\" instead of the legacy \"query()\" API "
          + "in this SQLAlchemy 2.0 code.").secondary(evidence, EVIDENCE);
      }
    } else if (method.filter("execute"::equals).isPresent() && receiver.isPresent() && isEngine(receiver.get(), ctx)) {
      ctx.addIssue(call.callee(), "Run this statement on a connection (\"with engine.begin() as conn: conn.execute(...)\"): "
        + "\"Engine.execute()\" was removed in SQLAlchemy 2.0.").secondary(evidence, EVIDENCE);
    } else if (SqlAlchemy.factoryCreation(call).isPresent() || SqlAlchemy.sessionCreation(call, resolver, ctx).isPresent()) {
      Arguments.keyword(call, "autocommit").filter(a -> Literals.booleanValue(a.expression()).orElse(false))
        .ifPresent(a -> ctx.addIssue(a, "Remove \"autocommit=True\": SQLAlchemy 2.0 removed autocommit mode; use \"with session.begin():\" "
          + "for explicit transactions.").secondary(evidence, EVIDENCE));
    } else if (SqlAlchemy.isStatementConstructor(call) && Fqns.calleeName(call).filter("select"::equals).isPresent()
      && call.arguments().size() == 1 && call.arguments().get(0) instanceof RegularArgument argument && argument.keywordArgument() == null
      && Trees.skipParentheses(argument.expression()).is(Tree.Kind.LIST_LITERAL)) {
      ctx.addIssue(argument, "Pass the columns to \"select()\" as positional arguments: the list form \"select([...])\" was removed in "
        + "SQLAlchemy 2.0.").secondary(evidence, EVIDENCE);
    }
  }

  private boolean isEngine(Expression receiver, SubscriptionContext ctx) {
    List<Expression> values = resolver.origins(receiver, ctx);
    return !values.isEmpty() && values.stream().allMatch(v -> Trees.skipParentheses(v) instanceof CallExpression c
      && SqlAlchemy.engineCreation(c).filter(async -> !async).isPresent());
  }
}
