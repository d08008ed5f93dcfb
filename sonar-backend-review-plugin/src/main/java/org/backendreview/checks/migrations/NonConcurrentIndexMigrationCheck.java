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
import org.backendreview.semantics.django.DjangoProjectSettings;
import org.backendreview.semantics.django.MigrationOperation;
import org.backendreview.semantics.django.MigrationState;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.tree.TextEdits;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.Statement;

/**
 * MIG-08: index operations that lock a table that existed before the migration on PostgreSQL: {@code AddIndex},
 * {@code RemoveIndex}, and {@code AddField}/{@code AlterField} adding {@code db_index=True} or {@code unique=True}
 * (plain or in {@code database_operations}), instead of {@code AddIndexConcurrently}/{@code RemoveIndexConcurrently} in
 * a migration with {@code atomic = False}; and concurrent operations in an atomic migration, which Django refuses to
 * run. Projects whose deployable settings name only other database engines are not reported (the concurrent
 * operations excepted: they exist only for PostgreSQL); when the engine is unknown the message says "on PostgreSQL".
 * Tables created by the same migration and models the state does not know are not reported.
 */
@Rule(key = "NonConcurrentIndexMigration")
public class NonConcurrentIndexMigrationCheck extends DjangoMigrationCheck {

  private static final Set<String> CONCURRENT = Set.of("AddIndexConcurrently", "RemoveIndexConcurrently");
  private static final Set<String> INDEXED_BY_DEFAULT = Set.of("ForeignKey", "OneToOneField", "SlugField");

  @Override
  protected List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx) {
    TriBool postgresql = DjangoProjectSettings.of(ctx).postgresql();
    String where = postgresql == TriBool.TRUE ? "" : " on PostgreSQL";
    boolean atomicAssigned = migration.summary().classes().get("Migration").attributes().containsKey("atomic");
    boolean atomic = atomicAssigned ? migration.flag("atomic").orElse(false) : true;
    List<Finding> findings = new ArrayList<>();
    boolean[] fixOffered = {false};
    migration.forEachOperation((operation, state) -> {
      if (!operation.changesDatabase() || operation.call() == null || operation.model().isEmpty()) {
        return;
      }
      String model = operation.model().get();
      if (CONCURRENT.contains(operation.kind())) {
        if (atomic) {
          findings.add(new Finding(operation.call().callee(), "Set \"atomic = False\" on this migration: " + operation.kind() + " runs "
            + (operation.kind().startsWith("Add") ? "CREATE" : "DROP") + " INDEX CONCURRENTLY, which PostgreSQL cannot run inside a "
            + "transaction (Django refuses to apply this migration).", operation.kind() + " in an atomic migration",
            atomicAssigned || fixOffered[0] ? List.of() : atomicFix(migration)));
          fixOffered[0] = true;
        }
        return;
      }
      if (postgresql == TriBool.FALSE || !state.existedBefore(model)) {
        return;
      }
      blockingIndex(operation, state, model).ifPresent(what -> findings.add(new Finding(operation.call().callee(),
        "Use " + (what.startsWith("dropping") ? "RemoveIndexConcurrently" : "AddIndexConcurrently") + " (django.contrib.postgres.operations) "
          + "in a migration with \"atomic = False\": " + what + " blocks the writes to \"" + model + "\"" + where + " until it completes.",
        what)));
    });
    return findings;
  }

  /** What the operation does with an index of an existing table, when it takes a blocking lock. */
  private static Optional<String> blockingIndex(MigrationOperation operation, MigrationState state, String model) {
    switch (operation.kind()) {
      case "AddIndex" -> {
        return Optional.of("building this index");
      }
      case "RemoveIndex" -> {
        return Optional.of("dropping this index");
      }
      case "AddField" -> {
        return operation.fieldCall().filter(f -> !f.unpacking() && indexed(f)).flatMap(f -> operation.field())
          .map(field -> "building the index of \"" + field + "\"");
      }
      case "AlterField" -> {
        Optional<String> field = operation.field();
        Optional<Call> after = operation.fieldCall();
        if (field.isEmpty() || after.isEmpty() || after.get().unpacking() || !indexed(after.get())
          || !state.fieldExistedBefore(model, field.get())) {
          return Optional.empty();
        }
        Optional<Call> before = state.model(model).flatMap(m -> m.field(field.get()));
        if (before.isEmpty() || before.get().unpacking() || indexed(before.get()) || INDEXED_BY_DEFAULT.contains(before.get().simpleCallee())
          || before.get().kwargs().get("primary_key") instanceof Bool primary && primary.value()) {
          return Optional.empty();
        }
        return Optional.of("building the index of \"" + field.get() + "\"");
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** Whether the field asks for an index: {@code db_index=True} or {@code unique=True}. */
  private static boolean indexed(Call field) {
    return field.kwargs().get("db_index") instanceof Bool index && index.value()
      || field.kwargs().get("unique") instanceof Bool unique && unique.value();
  }

  /** {@code atomic = False} as the first statement of the Migration class. */
  private static List<PythonQuickFix> atomicFix(DjangoMigration migration) {
    List<Statement> body = migration.migrationClass().body().statements();
    if (body.isEmpty()) {
      return List.of();
    }
    Statement first = body.get(0);
    String indent = " ".repeat(first.firstToken().column());
    return List.of(PythonQuickFix.newQuickFix("Add \"atomic = False\"", TextEdits.insertBefore(first, "atomic = False\n" + indent)));
  }
}
