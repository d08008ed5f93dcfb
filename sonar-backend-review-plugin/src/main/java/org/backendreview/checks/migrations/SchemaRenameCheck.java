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
import org.backendreview.semantics.django.DjangoMigration;
import org.backendreview.semantics.django.MigrationOperation;
import org.backendreview.semantics.django.MigrationState;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;

/**
 * MIG-05: renames of a column or table that existed before the migration, as plain operations: {@code RenameField}
 * (unless the old field pins its column with {@code db_column}), {@code RenameModel} (unless the model pins its table
 * with {@code db_table}), {@code AlterModelTable} to another table, and {@code AlterField} changing the column name
 * ({@code db_column}). The code still running during the deploy uses the old name.
 */
@Rule(key = "SchemaRename")
public class SchemaRenameCheck extends DjangoMigrationCheck {

  private static final Set<String> FOREIGN_KEYS = Set.of("ForeignKey", "OneToOneField");

  @Override
  protected List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx) {
    List<Finding> findings = new ArrayList<>();
    migration.forEachPlainModelOperation((operation, model, state) -> {
      switch (operation.kind()) {
        case "RenameField" -> renamedField(operation, state, model).ifPresent(old -> findings.add(new Finding(operation.call().callee(),
          "Rename column \"" + old + "\" in steps, or keep it with db_column=\"" + old + "\": the code still running during this deploy "
            + "uses the old name. Add the new column, write both, back-fill, then drop the old one.", "column \"" + old + "\" renamed")));
        case "RenameModel" -> {
          if (state.existedBefore(model) && state.model(model).map(m -> !m.options().containsKey("db_table")).orElse(false)) {
            findings.add(new Finding(operation.call().callee(), "Rename the table of \"" + model + "\" in steps, or keep it with "
              + "db_table: the code still running during this deploy queries the old table.", "table of \"" + model + "\" renamed"));
          }
        }
        case "AlterModelTable" -> {
          if (state.existedBefore(model) && tableChanges(operation, state, model, migration.appLabel())) {
            findings.add(new Finding(operation.call().callee(), "Move the table of \"" + model + "\" in steps: the code still running "
              + "during this deploy queries the old table.", "table of \"" + model + "\" renamed"));
          }
        }
        case "AlterField" -> columnChange(operation, state, model).ifPresent(old -> findings.add(new Finding(operation.call().callee(),
          "Rename column \"" + old + "\" in steps: this db_column change renames it, and the code still running during this deploy uses "
            + "the old name.", "column \"" + old + "\" renamed")));
        default -> {
          // not a rename
        }
      }
    });
    return findings;
  }

  /** The old column name of a {@code RenameField} of an existing column whose name is not pinned by {@code db_column}. */
  private static Optional<String> renamedField(MigrationOperation operation, MigrationState state, String model) {
    Optional<String> field = operation.field();
    if (field.isEmpty() || !state.fieldExistedBefore(model, field.get())) {
      return Optional.empty();
    }
    Optional<Call> previous = state.model(model).flatMap(m -> m.field(field.get()));
    if (previous.isEmpty() || previous.get().kwargs().containsKey("db_column") || previous.get().unpacking()) {
      return Optional.empty();
    }
    return Optional.of(column(field.get(), previous.get()));
  }

  /** Whether {@code AlterModelTable} names another table than the model's ({@code db_table}, else {@code <app label>_<model>}). */
  private static boolean tableChanges(MigrationOperation operation, MigrationState state, String model, String appLabel) {
    Optional<String> table = operation.stringArgument(1, "table");
    Value before = state.model(model).map(m -> m.options().get("db_table")).orElse(null);
    if (table.isEmpty() || (before != null && !(before instanceof Str))) {
      return false;
    }
    String previous = before == null ? appLabel + "_" + model.toLowerCase(java.util.Locale.ROOT) : ((Str) before).value();
    return !previous.equals(table.get());
  }

  /** The old column name when an {@code AlterField} of an existing field changes its column name. */
  private static Optional<String> columnChange(MigrationOperation operation, MigrationState state, String model) {
    Optional<String> field = operation.field();
    Optional<Call> after = operation.fieldCall();
    if (field.isEmpty() || after.isEmpty() || after.get().unpacking() || !state.fieldExistedBefore(model, field.get())) {
      return Optional.empty();
    }
    Optional<Call> before = state.model(model).flatMap(m -> m.field(field.get()));
    if (before.isEmpty() || before.get().unpacking() || !known(before.get()) || !known(after.get())) {
      return Optional.empty();
    }
    String old = column(field.get(), before.get());
    return old.equals(column(field.get(), after.get())) ? Optional.empty() : Optional.of(old);
  }

  private static boolean known(Call field) {
    Value column = field.kwargs().get("db_column");
    return column == null || column instanceof Str;
  }

  private static String column(String field, Call call) {
    if (call.kwargs().get("db_column") instanceof Str column) {
      return column.value();
    }
    return FOREIGN_KEYS.contains(call.simpleCallee()) ? field + "_id" : field;
  }
}
