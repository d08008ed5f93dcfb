/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.List;
import org.backendreview.checks.migrations.DjangoMigrationCheck.Finding;
import org.backendreview.semantics.alembic.AlembicRevision;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The shape of the Alembic revision rules, the same as {@link DjangoMigrationCheck}'s: one finding per revision file, on
 * the first offending operation of {@code upgrade()}, the others as secondary locations; by default only on the heads
 * of the revision graph (what a change adds: a revision another one revises is history,
 * {@link org.backendreview.semantics.project.CodeRole#HISTORY}), {@code reportAllMigrations} reports every revision.
 */
public abstract class AlembicRevisionCheck extends MigrationCheck {

  @Override
  protected final void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, ctx -> {
      FunctionDef function = (FunctionDef) ctx.syntaxNode();
      if ("upgrade".equals(function.name().name())) {
        AlembicRevision.of(ctx).filter(r -> r.upgrade() == function).ifPresent(revision -> report(revision, ctx));
      }
    });
  }

  /** Reports on the revision: by default its {@link #findings} the way every migration rule does. */
  protected void report(AlembicRevision revision, SubscriptionContext ctx) {
    DjangoMigrationCheck.report(ctx, findings(revision, ctx));
  }

  /** The offending places of this revision, in order. */
  protected abstract List<Finding> findings(AlembicRevision revision, SubscriptionContext ctx);
}
