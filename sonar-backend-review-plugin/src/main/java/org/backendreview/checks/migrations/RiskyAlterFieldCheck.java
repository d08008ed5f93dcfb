/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoMigration;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.Num;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;

/**
 * MIG-06: an {@code AlterField} of a column that existed before the migration that changes what the database stores:
 * another column type (fields of Django's own classes, by the column type they map to: {@code CharField} to
 * {@code SlugField} is none, {@code CharField} to {@code TextField} only widens and is not reported), a shorter
 * {@code max_length}, fewer {@code max_digits}/{@code decimal_places}, or a foreign key to another model. Changes the
 * database does not see (help_text, verbose_name, choices, validators, blank, default) are not reported; custom field
 * classes, values that are not literals, changes to or from a foreign key (its column has the type of the target's key)
 * and fields the state does not know are unknown: silent. Integer widenings are reported for the table rewrite only.
 */
@Rule(key = "RiskyAlterField")
public class RiskyAlterFieldCheck extends DjangoMigrationCheck {

  private static final String VARCHAR = "varchar";
  private static final String FOREIGN_KEY = "foreign key";
  private static final List<String> INTEGER_WIDTHS = List.of("smallint", "integer", "bigint");
  private static final Map<String, String> COLUMN_TYPES = Map.ofEntries(
    Map.entry("CharField", VARCHAR), Map.entry("SlugField", VARCHAR), Map.entry("EmailField", VARCHAR), Map.entry("URLField", VARCHAR),
    Map.entry("FilePathField", VARCHAR), Map.entry("FileField", VARCHAR), Map.entry("ImageField", VARCHAR),
    Map.entry("TextField", "text"),
    Map.entry("IntegerField", "integer"), Map.entry("PositiveIntegerField", "integer"), Map.entry("AutoField", "integer"),
    Map.entry("SmallIntegerField", "smallint"), Map.entry("PositiveSmallIntegerField", "smallint"), Map.entry("SmallAutoField", "smallint"),
    Map.entry("BigIntegerField", "bigint"), Map.entry("PositiveBigIntegerField", "bigint"), Map.entry("BigAutoField", "bigint"),
    Map.entry("BooleanField", "boolean"), Map.entry("NullBooleanField", "boolean"),
    Map.entry("DateTimeField", "timestamp"), Map.entry("DateField", "date"), Map.entry("TimeField", "time"),
    Map.entry("DurationField", "interval"), Map.entry("DecimalField", "decimal"), Map.entry("FloatField", "float"),
    Map.entry("UUIDField", "uuid"), Map.entry("JSONField", "json"), Map.entry("BinaryField", "binary"),
    Map.entry("GenericIPAddressField", "inet"), Map.entry("IPAddressField", "inet"),
    Map.entry("ForeignKey", FOREIGN_KEY), Map.entry("OneToOneField", FOREIGN_KEY));

  @Override
  protected List<Finding> findings(DjangoMigration migration, SubscriptionContext ctx) {
    List<Finding> findings = new ArrayList<>();
    migration.forEachPlainModelOperation((operation, model, state) -> {
      Optional<String> field = operation.field();
      Optional<Call> after = operation.fieldCall();
      if (!"AlterField".equals(operation.kind()) || field.isEmpty() || after.isEmpty() || !state.fieldExistedBefore(model, field.get())) {
        return;
      }
      Optional<Call> before = state.model(model).flatMap(m -> m.field(field.get()));
      if (before.isEmpty() || before.get().unpacking() || after.get().unpacking()
        || !DjangoApi.MODEL_FIELD_MODULES.stream().anyMatch(migration.summary().resolve(after.get().callee())::startsWith)) {
        return;
      }
      risk(before.get(), after.get(), migration.appLabel()).ifPresent(risk -> findings.add(new Finding(operation.call().callee(),
        "Change column \"" + field.get() + "\" of \"" + model + "\" in steps: " + risk + ". Add a new column, write both, back-fill it, "
          + "switch the reads, then drop the old one.",
        "\"" + field.get() + "\": " + risk.substring(0, risk.indexOf(':')))));
    });
    return findings;
  }

  /** What the change does to the stored data, when it is risky. */
  private static Optional<String> risk(Call before, Call after, String appLabel) {
    String oldType = COLUMN_TYPES.get(before.simpleCallee());
    String newType = COLUMN_TYPES.get(after.simpleCallee());
    if (oldType == null || newType == null) {
      return Optional.empty();
    }
    if (!oldType.equals(newType) && (FOREIGN_KEY.equals(oldType) || FOREIGN_KEY.equals(newType))) {
      // a foreign key's column has the type of the target's primary key: unknown here
      return Optional.empty();
    }
    if (INTEGER_WIDTHS.indexOf(oldType) >= 0 && INTEGER_WIDTHS.indexOf(oldType) < INTEGER_WIDTHS.indexOf(newType)) {
      return Optional.of("its type widens from " + before.simpleCallee() + " to " + after.simpleCallee() + ": the database rewrites the "
        + "table and its indexes under an exclusive lock that blocks reads and writes until it completes");
    }
    if (!oldType.equals(newType) && !(VARCHAR.equals(oldType) && "text".equals(newType))) {
      return Optional.of("its type changes from " + before.simpleCallee() + " to " + after.simpleCallee() + ": the database rewrites or "
        + "re-checks every row under an exclusive lock, and the code still running during the deploy reads and writes the old type");
    }
    if (VARCHAR.equals(oldType) && VARCHAR.equals(newType) && smaller(before, after, "max_length")) {
      return Optional.of("max_length shrinks from " + number(before, "max_length").orElseThrow() + " to " + number(after, "max_length").orElseThrow()
        + ": longer values already stored make the migration fail (or are truncated), and the table is locked while every row is checked");
    }
    if ("decimal".equals(oldType) && (smaller(before, after, "max_digits") || smaller(before, after, "decimal_places"))) {
      return Optional.of("its precision shrinks: stored values that no longer fit make the migration fail, and the table is locked while "
        + "every row is checked");
    }
    if (FOREIGN_KEY.equals(oldType)) {
      Optional<String> oldTarget = target(before, appLabel);
      Optional<String> newTarget = target(after, appLabel);
      if (oldTarget.isPresent() && newTarget.isPresent() && !oldTarget.get().equals(newTarget.get())) {
        return Optional.of("its foreign key moves from \"" + oldTarget.get() + "\" to \"" + newTarget.get() + "\": the stored ids point "
          + "to rows of the old table, and the new constraint is checked on every row under a lock");
      }
    }
    return Optional.empty();
  }

  private static boolean smaller(Call before, Call after, String keyword) {
    Optional<Long> old = number(before, keyword);
    Optional<Long> next = number(after, keyword);
    return old.isPresent() && next.isPresent() && next.get() < old.get();
  }

  private static Optional<Long> number(Call field, String keyword) {
    Value value = field.kwargs().get(keyword);
    if (value instanceof Num num) {
      try {
        return Optional.of(Long.parseLong(num.text().replace("_", "")));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The model a foreign key points to ({@code app.model}, lower case), when it is a literal. */
  private static Optional<String> target(Call field, String appLabel) {
    return field.arg(0, "to").filter(Str.class::isInstance).map(v -> {
      String to = ((Str) v).value().toLowerCase(Locale.ROOT);
      return to.contains(".") ? to : appLabel.toLowerCase(Locale.ROOT) + "." + to;
    });
  }
}
