/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoMigration;
import org.backendreview.semantics.django.MigrationOperation;
import org.backendreview.semantics.django.DjangoModelClasses;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.Symbol;
import org.sonar.plugins.python.api.symbols.Usage;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * MIG-02: a {@code RunPython} function (of the migration's module) that uses a model class it imports (at module level
 * or locally) or {@code get_user_model()} instead of {@code apps.get_model()}: it runs today's model against the
 * historical schema. A name counts when the function reads its manager ({@code objects}, {@code _default_manager}) or
 * {@code DoesNotExist} and the frontend does not know it as a class other than a Django model, or instantiates a proven
 * model (a helper class, or an abstract model's class method used for raw SQL, is not reported).
 */
@Rule(key = "RunPythonImportedModel")
public class RunPythonImportedModelCheck extends DjangoMigrationCheck {

  private static final Set<String> MODEL_MEMBERS = Set.of("objects", "_default_manager", "_base_manager", "DoesNotExist");

  @Override
  protected List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx) {
    List<Finding> findings = new ArrayList<>();
    Set<FunctionDef> seen = new HashSet<>();
    FileInput file = AnalysisContext.fileOf(migration.migrationClass());
    for (MigrationOperation operation : migration.operations()) {
      if (!"RunPython".equals(operation.kind()) || operation.call() == null) {
        continue;
      }
      List<Expression> functions = new ArrayList<>();
      Arguments.value(operation.call(), 0, "code").ifPresent(functions::add);
      Arguments.value(operation.call(), 1, "reverse_code").ifPresent(functions::add);
      for (Expression code : functions) {
        if (Trees.skipParentheses(code) instanceof Name name) {
          FunctionDef function = moduleFunction(file, name.name());
          if (function != null && seen.add(function)) {
            findings.addAll(importedModels(function));
          }
        }
      }
    }
    return findings;
  }

  private static List<Finding> importedModels(FunctionDef function) {
    List<Finding> findings = new ArrayList<>();
    Set<Symbol> reported = new HashSet<>();
    Trees.walk(function.body(), t -> true, t -> {
      if (t instanceof CallExpression call && DjangoApi.GET_USER_MODEL.isCalledBy(call)) {
        findings.add(new Finding(call, "Get the user model with apps.get_model(settings.AUTH_USER_MODEL) in this RunPython function: "
          + "get_user_model() returns the current code's model, not the historical one this migration runs against.",
          "get_user_model() instead of apps.get_model()"));
      } else if (t instanceof Name name && name.symbol() != null && !reported.contains(name.symbol()) && isImportedModel(name)) {
        reported.add(name.symbol());
        findings.add(new Finding(name, "Get \"" + name.name() + "\" with apps.get_model() in this RunPython function: the imported model "
          + "class is the current code's, not the historical model this migration runs against.",
          "imported model \"" + name.name() + "\""));
      }
    });
    return findings;
  }

  private static boolean isImportedModel(Name name) {
    if (name.usage() == null || name.usage().isBindingUsage()
      || name.symbol().usages().stream().noneMatch(u -> u.kind() == Usage.Kind.IMPORT)
      || name.symbol().usages().stream().anyMatch(u -> u.isBindingUsage() && u.kind() != Usage.Kind.IMPORT)) {
      return false;
    }
    if (name.parent() instanceof CallExpression call && call.callee() == name) {
      // an instantiation: only of a proven model
      return DjangoModelClasses.isModelClass(name);
    }
    // a manager or DoesNotExist read: of a proven model, or of a name whose class the frontend does not know
    return name.parent() instanceof QualifiedExpression qualified && qualified.qualifier() == name
      && MODEL_MEMBERS.contains(qualified.name().name())
      && (DjangoModelClasses.classType(name.typeV2()) == null || DjangoModelClasses.isModelClass(name));
  }
}
