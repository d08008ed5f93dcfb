/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoMigration;
import org.backendreview.semantics.django.MigrationOperation;
import org.backendreview.semantics.django.MigrationState;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TextEdits;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * MIG-03: a NOT NULL column without a database default on a table that already exists: {@code AddField} of a field
 * without {@code null=True} nor {@code db_default=} (a Python {@code default=} only back-fills the existing rows: Django
 * drops the column default right after), or {@code AlterField} from {@code null=True} to NOT NULL. Tables created by the
 * same migration, state-only operations, many-to-many fields (no column) and models the state does not know are not
 * reported.
 */
@Rule(key = "NotNullColumnWithoutDbDefault")
public class NotNullColumnWithoutDbDefaultCheck extends DjangoMigrationCheck {

  private static final Set<String> NO_COLUMN = Set.of("ManyToManyField", "GeneratedField");

  @Override
  protected List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx) {
    List<Finding> findings = new ArrayList<>();
    migration.forEachOperation((operation, state) -> {
      if (!operation.changesDatabase() || operation.call() == null || operation.model().isEmpty() || operation.field().isEmpty()) {
        return;
      }
      String model = operation.model().get();
      String field = operation.field().get();
      Optional<Call> call = operation.fieldCall();
      if (call.isEmpty() || !isColumn(call.get(), migration.summary()) || !isNotNull(call.get())
        || call.get().kwargs().containsKey("db_default")) {
        return;
      }
      if ("AddField".equals(operation.kind()) && state.existedBefore(model)) {
        findings.add(new Finding(operation.call().callee(), "Give \"" + field + "\" a database default (db_default=, Django 5.0+) or add it "
          + "with null=True first: the NOT NULL column without one makes the inserts of the code still running during the deploy fail.",
          "NOT NULL column \"" + field + "\" without db_default", dbDefaultFix(operation)));
      } else if ("AlterField".equals(operation.kind()) && wasNullable(state, model, field)) {
        findings.add(new Finding(operation.call().callee(), "Back-fill \"" + field + "\" and give it a database default (db_default=) "
          + "before making it NOT NULL: rows and running code that still write NULL make this migration or the deploy fail.",
          "\"" + field + "\" made NOT NULL", dbDefaultFix(operation)));
      }
    });
    return findings;
  }

  private static boolean isColumn(Call field, ModuleSummary summary) {
    String fqn = summary.resolve(field.callee());
    return !field.unpacking() && DjangoApi.MODEL_FIELD_MODULES.stream().anyMatch(fqn::startsWith)
      && !NO_COLUMN.contains(field.simpleCallee()) && !(field.kwargs().get("primary_key") instanceof Bool primary && primary.value());
  }

  /** Whether the field is NOT NULL: no {@code null=} or {@code null=False} (any other value is unknown). */
  private static boolean isNotNull(Call field) {
    ModuleSummary.Value isNull = field.kwargs().get("null");
    return isNull == null || (isNull instanceof Bool bool && !bool.value());
  }

  private static boolean wasNullable(MigrationState state, String model, String field) {
    return state.fieldExistedBefore(model, field) && state.model(model).flatMap(m -> m.field(field))
      .map(previous -> previous.kwargs().get("null") instanceof Bool bool && bool.value()).orElse(false);
  }

  /** {@code db_default=} with the literal of {@code default=} (a one-token constant), added after it. */
  private static List<PythonQuickFix> dbDefaultFix(MigrationOperation operation) {
    Optional<Tree> fieldTree = DjangoMigration.argumentTree(operation, 2, "field");
    if (fieldTree.isEmpty() || !(fieldTree.get() instanceof CallExpression fieldCall)) {
      return List.of();
    }
    Optional<RegularArgument> fallback = Arguments.keyword(fieldCall, "default");
    if (fallback.isEmpty()) {
      return List.of();
    }
    Expression value = fallback.get().expression();
    if (!Literals.isConstant(value) || value.firstToken() != value.lastToken()) {
      return List.of();
    }
    return List.of(PythonQuickFix.newQuickFix("Add \"db_default=" + value.firstToken().value() + "\"",
      TextEdits.insertAfter(fallback.get(), ", db_default=" + value.firstToken().value())));
  }
}
