/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.backendreview.semantics.django.DjangoMigration;
import org.backendreview.semantics.django.MigrationOperation;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.StringLiteral;

/**
 * MIG-09: an atomic migration that changes the schema of a table that existed before it and runs a {@code RunPython}
 * data step on the same model (the function of the migration's module gets it with {@code apps.get_model("app",
 * "Model")}). On PostgreSQL both run in one transaction: the schema change's lock is held for the whole data step, and
 * rows changed next to deferred constraints fail with "pending trigger events"; other databases commit the schema
 * change alone. Migrations with {@code atomic = False}, tables created by the same migration, {@code RunSQL} (its
 * tables are not read) and models fetched with names that are not literals are not reported.
 */
@Rule(key = "MixedSchemaAndDataMigration")
public class MixedSchemaAndDataMigrationCheck extends DjangoMigrationCheck {

  private static final Set<String> SCHEMA_CHANGES = Set.of("AddField", "AlterField", "RemoveField", "RenameField", "AddIndex", "RemoveIndex",
    "AddConstraint", "RemoveConstraint", "AlterUniqueTogether", "AlterIndexTogether", "AlterModelTable", "RenameModel", "DeleteModel");

  @Override
  protected List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx) {
    if (migration.summary().classes().get("Migration").attributes().containsKey("atomic") && !migration.flag("atomic").orElse(false)) {
      return List.of();
    }
    Map<MigrationOperation, Set<String>> dataSteps = new LinkedHashMap<>();
    Map<MigrationOperation, String> schemaChanges = new LinkedHashMap<>();
    migration.forEachOperation((operation, state) -> {
      if ("RunPython".equals(operation.kind()) && operation.call() != null) {
        Set<String> models = modelsOf(operation, migration);
        if (!models.isEmpty()) {
          dataSteps.put(operation, models);
        }
      } else if (SCHEMA_CHANGES.contains(operation.kind()) && operation.changesDatabase() && operation.call() != null
        && operation.model().isPresent() && state.existedBefore(operation.model().get())) {
        schemaChanges.put(operation, operation.model().get());
      }
    });
    Set<String> changed = new HashSet<>();
    schemaChanges.values().forEach(model -> changed.add(model.toLowerCase(Locale.ROOT)));
    Set<String> mixed = new HashSet<>();
    dataSteps.values().forEach(models -> models.stream().filter(changed::contains).forEach(mixed::add));
    if (mixed.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (MigrationOperation operation : migration.operations()) {
      String model = dataSteps.getOrDefault(operation, Set.of()).stream().filter(mixed::contains).sorted().findFirst().orElse(null);
      if (model != null) {
        findings.add(new Finding(operation.call().callee(), "Move this data step on \"" + model + "\" to its own migration, between the "
          + "schema changes: on PostgreSQL it runs in the transaction of this migration's schema change of \"" + model + "\", which keeps "
          + "the table locked until it ends (or fails with \"pending trigger events\"); other databases commit the schema change alone.",
          "data step on \"" + model + "\""));
      } else if (schemaChanges.containsKey(operation) && mixed.contains(schemaChanges.get(operation).toLowerCase(Locale.ROOT))) {
        findings.add(new Finding(operation.call().callee(), "Move the data steps on \"" + schemaChanges.get(operation) + "\" out of this "
          + "migration: on PostgreSQL they run in the transaction of this schema change, which keeps the table locked until they end (or "
          + "fails with \"pending trigger events\"); other databases commit the schema change alone.",
          "schema change of \"" + schemaChanges.get(operation) + "\""));
      }
    }
    return findings;
  }

  /** The models of the migration's app that the RunPython function gets with {@code apps.get_model()} (lower case). */
  private static Set<String> modelsOf(MigrationOperation operation, DjangoMigration migration) {
    Set<String> models = new HashSet<>();
    Expression code = Arguments.value(operation.call(), 0, "code").orElse(null);
    if (code == null || !(Trees.skipParentheses(code) instanceof Name name)) {
      return models;
    }
    FunctionDef function = moduleFunction(AnalysisContext.fileOf(migration.migrationClass()), name.name());
    if (function != null) {
      Trees.walk(function.body(), t -> true, t -> {
        if (t instanceof CallExpression call && call.callee() instanceof QualifiedExpression qualified
          && "get_model".equals(qualified.name().name())) {
          model(call, migration.appLabel()).ifPresent(models::add);
        }
      });
    }
    return models;
  }

  /** The model of {@code get_model("app", "Model")} or {@code get_model("app.Model")} when the app is this migration's. */
  private static java.util.Optional<String> model(CallExpression call, String appLabel) {
    List<String> texts = new ArrayList<>();
    for (var argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() != null
        || !(regular.expression() instanceof StringLiteral literal) || literal.stringElements().stream().anyMatch(e -> e.isInterpolated())) {
        return java.util.Optional.empty();
      }
      texts.add(literal.trimmedQuotesValue());
    }
    String app;
    String model;
    if (texts.size() == 2) {
      app = texts.get(0);
      model = texts.get(1);
    } else if (texts.size() == 1 && texts.get(0).contains(".")) {
      app = texts.get(0).substring(0, texts.get(0).indexOf('.'));
      model = texts.get(0).substring(texts.get(0).indexOf('.') + 1);
    } else {
      return java.util.Optional.empty();
    }
    return app.equals(appLabel) ? java.util.Optional.of(model.toLowerCase(Locale.ROOT)) : java.util.Optional.empty();
  }
}
