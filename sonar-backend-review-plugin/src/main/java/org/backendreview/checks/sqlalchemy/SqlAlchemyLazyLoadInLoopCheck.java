/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyRelationships;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyRelationships.LoopRead;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A loop over ORM instances loaded by a query reads a relationship that is loaded lazily
 * (declared without an eager {@code lazy=} strategy, and not named by the query's {@code .options(...)}): one more
 * query per item (N+1). Schema migration scripts (run once) are not reported. Loads awaited on an {@code AsyncSession} are left to
 * {@link SqlAlchemyLazyLoadInAsyncCheck}, where the same read raises {@code MissingGreenlet}.
 */
@Rule(key = "SqlAlchemyLazyLoadInLoop")
public class SqlAlchemyLazyLoadInLoopCheck extends BackendReviewCheck {

  private boolean migration;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> migration = SqlAlchemy.isAlembicMigration((FileInput) ctx.syntaxNode()));
    context.registerSyntaxNodeConsumer(Tree.Kind.FOR_STMT, this::check);
    context.registerSyntaxNodeConsumer(Tree.Kind.COMP_FOR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    if (migration) {
      return;
    }
    for (LoopRead read : SqlAlchemyRelationships.lazyReadsInLoop(ctx.syntaxNode(), ctx)) {
      if (read.load().awaited()) {
        continue;
      }
      LazyLoadIssues.report(ctx, read.read(), read.relationship(), read.load(),
        "reading this lazy relationship in the loop runs one query per %s (N+1).", "Query");
    }
  }
}
