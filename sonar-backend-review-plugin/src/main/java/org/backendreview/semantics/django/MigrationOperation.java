/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.Optional;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.sonar.plugins.python.api.tree.CallExpression;

/**
 * One operation: its kind ({@code AddField}), its call as plain data, the call's tree in the reviewed file (null for an
 * operation read from another migration) and its placement.
 */
public record MigrationOperation(String kind, Call value, CallExpression call, Placement placement) {

  /** The model the operation is about (as written), for operations on one model. */
  public Optional<String> model() {
    return switch (kind) {
      case "AddField", "AlterField", "RemoveField", "RenameField", "AddIndex", "RemoveIndex", "RenameIndex", "AddConstraint",
        "RemoveConstraint", "AddIndexConcurrently", "RemoveIndexConcurrently", "AddConstraintNotValid", "ValidateConstraint" ->
        stringArgument(0, "model_name");
      case "RenameModel" -> stringArgument(0, "old_name");
      case "CreateModel", "DeleteModel", "AlterModelTable", "AlterUniqueTogether", "AlterIndexTogether", "AlterModelOptions",
        "AlterModelManagers", "AlterOrderWithRespectTo", "AlterModelTableComment" -> stringArgument(0, "name");
      default -> Optional.empty();
    };
  }

  /** The field the operation is about (its old name for {@code RenameField}). */
  public Optional<String> field() {
    return switch (kind) {
      case "AddField", "AlterField", "RemoveField" -> stringArgument(1, "name");
      case "RenameField" -> stringArgument(1, "old_name");
      default -> Optional.empty();
    };
  }

  /** A string argument (by position or keyword). */
  public Optional<String> stringArgument(int position, String keyword) {
    return value.arg(position, keyword).filter(Str.class::isInstance).map(v -> ((Str) v).value());
  }

  /** The field call of {@code AddField}/{@code AlterField}. */
  public Optional<Call> fieldCall() {
    return value.arg(2, "field").filter(Call.class::isInstance).map(Call.class::cast);
  }

  /** Whether the operation changes the database (it is not in {@code state_operations}). */
  public boolean changesDatabase() {
    return placement != Placement.STATE_ONLY;
  }

  /** Where an operation stands relative to {@code SeparateDatabaseAndState}. */
  public enum Placement {
    /** A plain operation: changes the database and the state. */
    PLAIN,
    /** In {@code database_operations}: changes the database only. */
    DATABASE_ONLY,
    /** In {@code state_operations}: changes the state only (no SQL). */
    STATE_ONLY
  }
}
