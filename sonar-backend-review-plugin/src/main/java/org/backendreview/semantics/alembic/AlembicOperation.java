/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.alembic;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.RegularArgument;

/**
 * One operation of a revision's {@code upgrade()}: a call of an {@code op.*} function, or of a method of the
 * {@code batch_op} of an enclosing {@code with op.batch_alter_table("t") as batch_op:} block (whose methods take the same
 * arguments minus the table name). {@code table} is the table's name when it is a string literal; {@code inAutocommitBlock}
 * tells whether it runs inside {@code with op.get_context().autocommit_block():} (outside the revision's transaction).
 */
public record AlembicOperation(String kind, CallExpression call, Optional<String> table, @Nullable CallExpression batch,
  boolean inAutocommitBlock) {

  /** Where the plain {@code op.<kind>} takes the table name (the batch method has no such argument). */
  static final Map<String, Integer> TABLE_POSITION = Map.ofEntries(
    Map.entry("add_column", 0), Map.entry("drop_column", 0), Map.entry("alter_column", 0), Map.entry("create_index", 1),
    Map.entry("drop_index", 1), Map.entry("create_unique_constraint", 1), Map.entry("create_check_constraint", 1),
    Map.entry("create_primary_key", 1), Map.entry("drop_constraint", 1), Map.entry("create_foreign_key", 1),
    Map.entry("create_table", 0), Map.entry("drop_table", 0), Map.entry("rename_table", 0));
  static final Map<String, String> TABLE_KEYWORD = Map.of("create_foreign_key", "source_table", "rename_table", "old_table_name");

  /** The {@code op} functions that do not change the schema by themselves (data, helpers, context). */
  private static final Set<String> NOT_SCHEMA = Set.of("execute", "bulk_insert", "get_bind", "get_context", "batch_alter_table",
    "f", "inline_literal", "invoke", "implementation_for", "register_operation", "run_async");

  public boolean inBatch() {
    return batch != null;
  }

  /** Whether the operation changes the schema (DDL): every {@code op} function but data statements and helpers. */
  public boolean changesSchema() {
    return !NOT_SCHEMA.contains(kind);
  }

  /**
   * The argument at this position of the plain {@code op.<kind>} signature, or by keyword; in a batch, the positions
   * after the table name shift by one.
   */
  public Optional<Expression> argument(int position, String keyword) {
    int actual = position;
    Integer tablePosition = TABLE_POSITION.get(kind);
    if (inBatch() && tablePosition != null && position > tablePosition) {
      actual = position - 1;
    }
    return Arguments.of(call, actual, keyword).map(RegularArgument::expression);
  }

  /** The column's name for {@code drop_column}/{@code alter_column}, when a string literal. */
  public Optional<String> columnName() {
    return argument(1, "column_name").flatMap(Literals::stringValue);
  }

  /** Whether the table is one of these names (case-insensitive); false when the table is unknown. */
  public boolean tableIn(Set<String> tables) {
    return table.map(t -> tables.contains(t.toLowerCase(Locale.ROOT))).orElse(false);
  }
}
