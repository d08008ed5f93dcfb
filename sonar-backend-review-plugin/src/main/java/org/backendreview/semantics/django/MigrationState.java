/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.Dict;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;

/**
 * The model state a Django app's migrations build, as Django's migration autodetector sees it: which models (tables)
 * exist, their fields (as the field calls the migrations wrote) and options. Built by applying the state operations of
 * the migrations a migration depends on, in dependency order, then its own operations one by one (see
 * DjangoMigration.forEachOperation). A model absent from the state is <em>unknown</em> (an ancestor could not be
 * read, or the model belongs to another app): rules stay silent on it.
 */
public final class MigrationState {

  /** One model: its fields by lower-case name (the field call as written) and its {@code options}. */
  public record Model(String name, Map<String, Call> fields, Map<String, Value> options) {
    Model copy() {
      return new Model(name, new LinkedHashMap<>(fields), new LinkedHashMap<>(options));
    }

    public Optional<Call> field(String fieldName) {
      return Optional.ofNullable(fields.get(fieldName.toLowerCase(Locale.ROOT)));
    }
  }

  private final Map<String, Model> models = new HashMap<>();
  private final Set<String> createdByCurrent = new HashSet<>();
  private final Set<String> fieldsAddedByCurrent = new HashSet<>();

  MigrationState() {
  }

  MigrationState copy() {
    MigrationState copy = new MigrationState();
    models.forEach((name, model) -> copy.models.put(name, model.copy()));
    return copy;
  }

  /** The model with this name (case-insensitive), when the state knows it. */
  public Optional<Model> model(String name) {
    return Optional.ofNullable(models.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Whether the model's table existed before the migration being reviewed: an earlier migration created it (not the
   * migration itself). False for unknown models.
   */
  public boolean existedBefore(String model) {
    String key = model.toLowerCase(Locale.ROOT);
    return models.containsKey(key) && !createdByCurrent.contains(key);
  }

  /** Whether the field's column existed before the migration being reviewed (its table did and no operation of it added the field). */
  public boolean fieldExistedBefore(String model, String field) {
    String key = model.toLowerCase(Locale.ROOT);
    return existedBefore(model) && models.get(key).fields().containsKey(field.toLowerCase(Locale.ROOT))
      && !fieldsAddedByCurrent.contains(key + "." + field.toLowerCase(Locale.ROOT));
  }

  /** Applies one operation's effect on the state ({@code current}: the operation belongs to the reviewed migration). */
  void apply(MigrationOperation operation, boolean current) {
    if (operation.placement() == MigrationOperation.Placement.DATABASE_ONLY) {
      return;
    }
    Optional<String> model = operation.model().map(m -> m.toLowerCase(Locale.ROOT));
    if (model.isEmpty()) {
      return;
    }
    String key = model.get();
    switch (operation.kind()) {
      case "CreateModel" -> {
        Map<String, Call> fields = new LinkedHashMap<>();
        operation.value().arg(1, "fields").ifPresent(value -> {
          if (value instanceof Seq seq) {
            for (Value element : seq.elements()) {
              if (element instanceof Seq pair && pair.elements().size() == 2 && pair.elements().get(0) instanceof Str fieldName
                && pair.elements().get(1) instanceof Call field) {
                fields.put(fieldName.value().toLowerCase(Locale.ROOT), field);
              }
            }
          }
        });
        Map<String, Value> options = new LinkedHashMap<>();
        operation.value().arg(2, "options").ifPresent(value -> {
          if (value instanceof Dict dict) {
            options.putAll(dict.entries());
          }
        });
        models.put(key, new Model(operation.stringArgument(0, "name").orElse(key), fields, options));
        if (current) {
          createdByCurrent.add(key);
        }
      }
      case "DeleteModel" -> models.remove(key);
      case "RenameModel" -> operation.stringArgument(1, "new_name").ifPresent(newName -> {
        Model old = models.remove(key);
        if (old != null) {
          models.put(newName.toLowerCase(Locale.ROOT), new Model(newName, old.fields(), old.options()));
          if (createdByCurrent.remove(key)) {
            createdByCurrent.add(newName.toLowerCase(Locale.ROOT));
          }
        }
      });
      case "AlterUniqueTogether" -> withModel(key, m -> operation.value().arg(1, "unique_together").ifPresent(v -> m.options().put("unique_together", v)));
      case "AlterModelTable" -> withModel(key, m -> operation.value().arg(1, "table").ifPresent(table -> m.options().put("db_table", table)));
      case "AddField", "AlterField" -> operation.field().ifPresent(field -> operation.value().arg(2, "field").ifPresent(value -> withModel(key, m -> {
        if (value instanceof Call call) {
          m.fields().put(field.toLowerCase(Locale.ROOT), call);
          if (current && "AddField".equals(operation.kind())) {
            fieldsAddedByCurrent.add(key + "." + field.toLowerCase(Locale.ROOT));
          }
        } else {
          m.fields().remove(field.toLowerCase(Locale.ROOT));
        }
      })));
      case "RemoveField" -> operation.field().ifPresent(field -> withModel(key, m -> m.fields().remove(field.toLowerCase(Locale.ROOT))));
      case "RenameField" -> operation.stringArgument(1, "old_name").ifPresent(old -> operation.stringArgument(2, "new_name")
        .ifPresent(renamed -> withModel(key, m -> {
          Call field = m.fields().remove(old.toLowerCase(Locale.ROOT));
          if (field != null) {
            m.fields().put(renamed.toLowerCase(Locale.ROOT), field);
          }
        })));
      default -> {
        // other operations do not change which tables and columns exist
      }
    }
  }

  private void withModel(String key, java.util.function.Consumer<Model> change) {
    Model model = models.get(key);
    if (model != null) {
      change.accept(model);
    }
  }
}
