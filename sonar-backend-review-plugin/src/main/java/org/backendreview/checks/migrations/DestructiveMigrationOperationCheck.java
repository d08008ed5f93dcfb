/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.semantics.django.DjangoMigration;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;

/**
 * MIG-04: {@code RemoveField}/{@code DeleteModel} of a column or table that existed before the migration, as a plain
 * operation (not in {@code SeparateDatabaseAndState}): the code still running during the deploy selects it. Operations
 * in {@code state_operations} (the code-only step) and {@code database_operations} (the deliberate contract step), and
 * tables or columns created by the same migration, are not reported.
 */
@Rule(key = "DestructiveMigrationOperation")
public class DestructiveMigrationOperationCheck extends DjangoMigrationCheck {

  @Override
  protected List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx) {
    List<Finding> findings = new ArrayList<>();
    migration.forEachPlainModelOperation((operation, model, state) -> {
      if ("RemoveField".equals(operation.kind()) && operation.field().isPresent()
        && state.fieldExistedBefore(model, operation.field().get())) {
        String field = operation.field().get();
        findings.add(new Finding(operation.call().callee(), "Drop column \"" + field + "\" in a release after the one that stops "
          + "using it: the code still running during this deploy selects it. Remove the field from the state first "
          + "(SeparateDatabaseAndState), drop the column later.", "column \"" + field + "\" dropped"));
      } else if ("DeleteModel".equals(operation.kind()) && state.existedBefore(model)) {
        findings.add(new Finding(operation.call().callee(), "Drop the table of \"" + model + "\" in a release after the one that stops "
          + "using it: the code still running during this deploy queries it. Delete the model from the state first "
          + "(SeparateDatabaseAndState), drop the table later.", "table of \"" + model + "\" dropped"));
      }
    });
    return findings;
  }
}
