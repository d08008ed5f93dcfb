/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.backendreview.checks.migrations.DjangoMigrationCheck.Finding;
import org.backendreview.semantics.alembic.AlembicOperation;
import org.backendreview.semantics.alembic.AlembicRevision;
import org.backendreview.tree.Literals;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;

/**
 * MIG-10: an Alembic revision whose {@code upgrade()} changes the schema while its {@code downgrade()} is missing, or
 * only {@code pass}/{@code ...}/a docstring, while the revision it revises does revert its changes (the chain below can
 * be downgraded). Below a revision without a real downgrade the project is forward-only (OpenStack since Liberty, the
 * template's {@code pass} kept everywhere): not reported. A downgrade that raises ({@code NotImplementedError}) or says in a comment
 * or its docstring that the revision is irreversible is a decision: not reported.
 */
@Rule(key = "AlembicMissingDowngrade")
public class AlembicMissingDowngradeCheck extends AlembicRevisionCheck {

  private static final Pattern DDL = Pattern.compile("^\\s*(create|alter|drop|rename)\\s", Pattern.CASE_INSENSITIVE);

  @Override
  protected void report(AlembicRevision revision, SubscriptionContext ctx) {
    List<Finding> changes = findings(revision, ctx);
    if (changes.isEmpty() || revision.downgradeDoesSomething() || revision.deliberatelyIrreversible() || !revision.chainBelowIsReversible()) {
      return;
    }
    PreciseIssue issue = revision.downgrade()
      .map(downgrade -> ctx.addIssue(downgrade.name(), "Revert the schema changes of this revision in \"downgrade()\", or raise "
        + "NotImplementedError if it cannot be reverted: this empty downgrade lets \"alembic downgrade\" succeed and leaves the "
        + "schema upgraded."))
      .orElseGet(() -> ctx.addIssue(revision.upgrade().name(), "Add a \"downgrade()\" that reverts the schema changes of this revision, "
        + "or one that raises NotImplementedError if it cannot be reverted: the revision it revises can be downgraded."));
    changes.forEach(change -> issue.secondary(change.node(), change.secondaryMessage()));
  }

  /** The schema changes of {@code upgrade()}. */
  @Override
  protected List<Finding> findings(AlembicRevision revision, SubscriptionContext ctx) {
    return revision.operations().stream()
      .filter(AlembicMissingDowngradeCheck::changesSchema)
      .map(operation -> new Finding(operation.call().callee(), "", "schema change not reverted: " + operation.kind()))
      .toList();
  }

  private static boolean changesSchema(AlembicOperation operation) {
    if ("execute".equals(operation.kind())) {
      return operation.argument(0, "sqltext").flatMap(Literals::stringValue)
        .filter(sql -> DDL.matcher(sql.toLowerCase(Locale.ROOT)).find()).isPresent();
    }
    return operation.changesSchema();
  }
}
