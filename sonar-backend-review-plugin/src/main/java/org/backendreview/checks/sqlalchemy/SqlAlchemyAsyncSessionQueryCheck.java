/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy.SessionKind;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/** {@code AsyncSession} has no {@code query()} method; {@code async_session.query(...)} raises AttributeError. */
@Rule(key = "SqlAlchemyAsyncSessionQuery")
public class SqlAlchemyAsyncSessionQueryCheck extends BackendReviewCheck {

  private ValueResolver resolver;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> resolver = AnalysisContext.of(ctx).values());
    context.registerSyntaxNodeConsumer(Tree.Kind.QUALIFIED_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    QualifiedExpression attribute = (QualifiedExpression) ctx.syntaxNode();
    if (!"query".equals(attribute.name().name())) {
      return;
    }
    Optional<SessionKind> kind = SqlAlchemy.sessionKind(attribute.qualifier(), resolver, ctx);
    if (kind.filter(k -> k == SessionKind.ASYNC).isPresent()) {
      ctx.addIssue(attribute, "Replace \"query()\" with \"await session.execute(select(...))\": an AsyncSession has no \"query\" attribute "
        + "and this raises AttributeError.");
    }
  }
}
