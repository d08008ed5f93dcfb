/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.List;
import org.backendreview.semantics.django.DjangoMigration;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The shape of the Django migration rules: one finding per migration file, on the first offending operation, the
 * others as secondary locations; by default only on the leaves of each app's migration graph (what a change adds: the
 * others are history, {@link org.backendreview.semantics.project.CodeRole#HISTORY}), {@code reportAllMigrations} reports
 * every migration.
 */
public abstract class DjangoMigrationCheck extends MigrationCheck {

  /** One offending place: where, the message if it is the first, the secondary location's message otherwise. */
  protected record Finding(Tree node, String message, String secondaryMessage, List<PythonQuickFix> fixes) {
    protected Finding(Tree node, String message, String secondaryMessage) {
      this(node, message, secondaryMessage, List.of());
    }
  }

  @Override
  protected final void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, ctx -> {
      ClassDef classDef = (ClassDef) ctx.syntaxNode();
      if (!"Migration".equals(classDef.name().name())) {
        return;
      }
      DjangoMigration.of(ctx).filter(m -> m.migrationClass() == classDef).ifPresent(migration -> report(ctx, findings(migration, ctx)));
    });
  }

  /** The module-level function of the migration's file with this name (the last definition), or null. */
  protected static FunctionDef moduleFunction(FileInput file, String name) {
    if (file.statements() == null) {
      return null;
    }
    FunctionDef found = null;
    for (Statement statement : file.statements().statements()) {
      if (statement instanceof FunctionDef function && function.name().name().equals(name)) {
        found = function;
      }
    }
    return found;
  }

  /** The offending places of this migration, in order. */
  protected abstract List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx);

  static void report(SubscriptionContext ctx, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    Finding first = findings.get(0);
    String message = first.message();
    int more = findings.size() - 1;
    if (more > 0) {
      message += " " + more + " more operation" + (more > 1 ? "s" : "") + " of this migration: see the secondary locations.";
    }
    PreciseIssue issue = ctx.addIssue(first.node(), message);
    for (Finding finding : findings) {
      if (finding != first) {
        issue.secondary(finding.node(), finding.secondaryMessage());
      }
      finding.fixes().forEach(issue::addQuickFix);
    }
  }
}
