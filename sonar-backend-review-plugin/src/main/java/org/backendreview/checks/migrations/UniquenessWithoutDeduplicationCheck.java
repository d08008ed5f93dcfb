/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoMigration;
import org.backendreview.semantics.django.MigrationOperation;
import org.backendreview.semantics.django.MigrationState;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;

/**
 * MIG-07: uniqueness added to a table that existed before the migration ({@code AlterField} to {@code unique=True} or
 * from a {@code ForeignKey} to a {@code OneToOneField}, {@code AddConstraint} of a {@code UniqueConstraint},
 * {@code AlterUniqueTogether} adding a field set) with no data step ({@code RunPython}/{@code RunSQL}) before it in
 * the same migration nor in a migration of the app it depends on directly: duplicates already stored make the
 * migration fail in production. Tables created by the same migration, values that are not literals and models the
 * state does not know are not reported.
 */
@Rule(key = "UniquenessWithoutDeduplication")
public class UniquenessWithoutDeduplicationCheck extends DjangoMigrationCheck {

  private static final Set<String> DATA_STEPS = Set.of("RunPython", "RunSQL");

  @Override
  protected List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx) {
    List<Finding> findings = new ArrayList<>();
    boolean[] dataStep = {migration.dependencyOperations().stream().anyMatch(op -> DATA_STEPS.contains(op.kind()))};
    migration.forEachOperation((operation, state) -> {
      if (DATA_STEPS.contains(operation.kind())) {
        dataStep[0] = true;
      }
      if (dataStep[0] || !operation.changesDatabase() || operation.call() == null || operation.model().isEmpty()
        || !state.existedBefore(operation.model().get())) {
        return;
      }
      String model = operation.model().get();
      addedUniqueness(operation, state, model, migration).ifPresent(what -> findings.add(new Finding(operation.call().callee(),
        "De-duplicate the existing rows of \"" + model + "\" before making " + what + " unique (a data migration before this one): "
          + "duplicates already stored make this migration fail in production.", what + " made unique")));
    });
    return findings;
  }

  private static Optional<String> addedUniqueness(MigrationOperation operation, MigrationState state, String model, DjangoMigration migration) {
    switch (operation.kind()) {
      case "AlterField" -> {
        Optional<String> field = operation.field();
        Optional<Call> after = operation.fieldCall();
        if (field.isEmpty() || after.isEmpty() || after.get().unpacking() || !state.fieldExistedBefore(model, field.get())) {
          return Optional.empty();
        }
        Optional<Call> before = state.model(model).flatMap(m -> m.field(field.get()));
        if (before.isEmpty() || before.get().unpacking() || isUnique(before.get())) {
          return Optional.empty();
        }
        boolean unique = after.get().kwargs().get("unique") instanceof Bool flag && flag.value()
          || "ForeignKey".equals(before.get().simpleCallee()) && "OneToOneField".equals(after.get().simpleCallee());
        return unique ? Optional.of("\"" + field.get() + "\"") : Optional.empty();
      }
      case "AddConstraint" -> {
        Optional<Value> constraint = operation.value().arg(1, "constraint");
        if (constraint.isPresent() && constraint.get() instanceof Call call && !call.unpacking()
          && DjangoApi.UNIQUE_CONSTRAINT.contains(migration.summary().resolve(call.callee()))) {
          return Optional.of(call.kwargs().get("fields") instanceof Seq fields ? fieldList(fields) : "the constraint's fields");
        }
        return Optional.empty();
      }
      case "AlterUniqueTogether" -> {
        Optional<Set<Set<String>>> after = operation.value().arg(1, "unique_together").flatMap(UniquenessWithoutDeduplicationCheck::fieldSets);
        Value previous = state.model(model).map(m -> m.options().get("unique_together")).orElse(null);
        Optional<Set<Set<String>>> before = previous == null ? Optional.of(Set.of()) : fieldSets(previous);
        if (after.isEmpty() || before.isEmpty()) {
          return Optional.empty();
        }
        return after.get().stream().filter(set -> !before.get().contains(set)).findFirst()
          .map(set -> "(" + String.join(", ", set.stream().map(f -> "\"" + f + "\"").toList()) + ")");
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static boolean isUnique(Call field) {
    return field.kwargs().get("unique") instanceof Bool unique && unique.value()
      || field.kwargs().get("primary_key") instanceof Bool primary && primary.value() || "OneToOneField".equals(field.simpleCallee());
  }

  private static String fieldList(Seq fields) {
    List<String> names = new ArrayList<>();
    for (Value element : fields.elements()) {
      names.add(element instanceof Str name ? "\"" + name.value() + "\"" : "?");
    }
    return "(" + String.join(", ", names) + ")";
  }

  /** The field sets of a literal {@code unique_together} (one tuple of names is one set). */
  private static Optional<Set<Set<String>>> fieldSets(Value value) {
    if (!(value instanceof Seq seq)) {
      return Optional.empty();
    }
    Set<Set<String>> sets = new HashSet<>();
    if (!seq.elements().isEmpty() && seq.elements().stream().allMatch(Str.class::isInstance)) {
      Optional<Set<String>> one = names(seq);
      one.ifPresent(sets::add);
      return one.map(s -> sets);
    }
    for (Value element : seq.elements()) {
      Optional<Set<String>> names = element instanceof Seq tuple ? names(tuple) : Optional.empty();
      if (names.isEmpty()) {
        return Optional.empty();
      }
      sets.add(names.get());
    }
    return Optional.of(sets);
  }

  private static Optional<Set<String>> names(Seq tuple) {
    Set<String> names = new TreeSet<>();
    for (Value element : tuple.elements()) {
      if (!(element instanceof Str name)) {
        return Optional.empty();
      }
      names.add(name.value().toLowerCase(Locale.ROOT));
    }
    return Optional.of(names);
  }
}
