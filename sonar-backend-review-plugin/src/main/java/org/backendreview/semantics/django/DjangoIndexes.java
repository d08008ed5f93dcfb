/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoModelIndex.Field;
import org.backendreview.semantics.django.DjangoModelIndex.Kind;
import org.backendreview.semantics.django.DjangoModelIndex.Model;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Value;

/**
 * Whether a queryset lookup ({@code filter(name__startswith=...)}, {@code order_by("-created")}) can be served by a
 * database index Django creates for the model: primary key, {@code unique}, {@code db_index}, foreign keys, fields
 * indexed by default ({@code SlugField}), the leading field of a {@code Meta.indexes} entry, of
 * {@code unique_together}/{@code index_together} or of a {@code UniqueConstraint}.
 * <p>
 * Only a lookup on a concrete Django field declared with literal options, of a {@linkplain Model#complete() complete}
 * model whose {@code Meta} was read, is {@link Coverage#UNINDEXED}: anything else (relations traversed, annotations,
 * custom field classes, {@code db_index=SETTING}) is {@link Coverage#UNKNOWN}.
 */
public final class DjangoIndexes {

  /** Django field classes for which a B-tree index is a sensible suggestion (booleans, JSON, files and text are not). */
  private static final Set<String> INDEXABLE_FIELDS = Set.of("CharField", "EmailField", "URLField", "IntegerField", "BigIntegerField",
    "SmallIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField", "PositiveBigIntegerField", "DateField", "DateTimeField",
    "TimeField", "DecimalField", "FloatField", "UUIDField", "GenericIPAddressField", "IPAddressField", "DurationField");
  /** Django field classes indexed without options. */
  private static final Set<String> INDEXED_BY_DEFAULT = Set.of("SlugField", "AutoField", "BigAutoField", "SmallAutoField");
  /** Lookups a B-tree index on the column serves (startswith: Django adds a pattern index to indexed char columns). */
  private static final Set<String> INDEX_LOOKUPS = Set.of("exact", "in", "gt", "gte", "lt", "lte", "range", "isnull", "startswith", "year");
  private static final String DJANGO_FIELDS = "django.db.models.";

  private DjangoIndexes() {
  }

  public enum Coverage {
    INDEXED,
    UNINDEXED,
    UNKNOWN
  }

  /**
   * The coverage of a filter keyword ({@code name}, {@code name__in}, {@code author_id}, {@code pk}).
   *
   * @return the field with {@link Coverage#UNINDEXED}, or the coverage alone
   */
  public static Result ofLookup(Model model, String lookup) {
    String[] parts = lookup.split("__", -1);
    String name = parts[0];
    if ("pk".equals(name) || "id".equals(name) && model.field("id").isEmpty()) {
      return Result.INDEXED;
    }
    Optional<Field> declared = model.field(name);
    if (declared.isEmpty() && name.endsWith("_id")) {
      declared = model.field(name.substring(0, name.length() - 3)).filter(f -> f.kind().isForwardSingle());
    }
    if (declared.isEmpty()) {
      return Result.UNKNOWN;
    }
    Field field = declared.get();
    if (field.kind().isForwardSingle() && (parts.length == 1 || parts.length == 2 && INDEX_LOOKUPS.contains(parts[1]))) {
      return field.indexed() ? Result.INDEXED : Result.UNKNOWN;
    }
    if (field.kind() != Kind.FIELD || parts.length > 2 || parts.length == 2 && !INDEX_LOOKUPS.contains(parts[1])) {
      return Result.UNKNOWN;
    }
    return ofField(model, field);
  }

  /** The coverage of ordering by a field ({@code "name"}, {@code "-name"}). */
  public static Result ofOrdering(Model model, String ordering) {
    String name = ordering.startsWith("-") ? ordering.substring(1) : ordering;
    if (name.isEmpty() || name.contains("__") || "?".equals(name)) {
      return Result.UNKNOWN;
    }
    return ofLookup(model, name);
  }

  private static Result ofField(Model model, Field field) {
    if (!model.complete() || !model.metaComplete() || !model.managed()) {
      return Result.UNKNOWN;
    }
    String fieldClass = field.fieldClass();
    String simple = fieldClass.substring(fieldClass.lastIndexOf('.') + 1);
    if (!fieldClass.startsWith(DJANGO_FIELDS)) {
      return Result.UNKNOWN;
    }
    if (INDEXED_BY_DEFAULT.contains(simple) || field.indexed() || leadsAnIndex(model, field.name())) {
      return Result.INDEXED;
    }
    if (!INDEXABLE_FIELDS.contains(simple) || field.declaration().unpacking() || !literalOption(field, "db_index")
      || !literalOption(field, "unique") || !literalOption(field, "primary_key")) {
      return Result.UNKNOWN;
    }
    return new Result(Coverage.UNINDEXED, field);
  }

  private static boolean leadsAnIndex(Model model, String field) {
    for (List<String> index : model.indexes()) {
      if (!index.isEmpty() && index.get(0).equals(field)) {
        return true;
      }
    }
    return false;
  }

  /** The option is absent or a literal boolean. */
  private static boolean literalOption(Field field, String option) {
    Value value = field.declaration().kwargs().get(option);
    return value == null || value instanceof Bool;
  }

  /**
   * @param field the un-indexed field, null unless {@code coverage} is {@link Coverage#UNINDEXED}
   */
  public record Result(Coverage coverage, Field field) {
    static final Result INDEXED = new Result(Coverage.INDEXED, null);
    static final Result UNKNOWN = new Result(Coverage.UNKNOWN, null);
  }
}
