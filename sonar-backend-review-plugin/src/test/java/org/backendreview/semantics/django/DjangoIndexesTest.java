/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;

import static org.assertj.core.api.Assertions.assertThat;

class DjangoIndexesTest {

  private static final String MODELS = """
    from django.db import models
    from myfields import SpecialField

    class Stamped(models.Model):
        created = models.DateTimeField()
        class Meta:
            abstract = True

    class Owner(models.Model):
        name = models.CharField(max_length=10)

    class Item(Stamped):
        code = models.CharField(max_length=10, unique=True)
        sku = models.CharField(max_length=10, db_index=True)
        slug = models.SlugField()
        title = models.CharField(max_length=10)
        flag = models.BooleanField()
        special = SpecialField()
        dynamic = models.CharField(max_length=10, db_index=INDEXED)
        first = models.IntegerField()
        second = models.IntegerField()
        owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
        loose = models.ForeignKey(Owner, on_delete=models.CASCADE, db_index=False, related_name="+")
        class Meta:
            index_together = [("first", "second")]
    """;

  @Test
  void lookups_and_orderings() {
    Map<String, String> coverage = new LinkedHashMap<>();
    List<String> lookups = List.of("pk", "id", "code", "sku__in", "slug", "title", "title__startswith", "title__icontains", "flag",
      "special", "dynamic", "first", "second__gt", "owner", "owner_id", "owner__in", "owner__name", "loose", "created__year",
      "reverse_rel", "title__x__y");
    Analysis.onEach(Map.of("app/__init__.py", "", "app/models.py", MODELS, "app/views.py", """
      from app.models import Item
      Item.objects
      """), "app/views.py", Tree.Kind.QUALIFIED_EXPR, (tree, ctx) -> {
        QualifiedExpression objects = (QualifiedExpression) tree;
        ClassType type = DjangoModels.classType(objects.qualifier().typeV2());
        DjangoModelIndex.Model model = DjangoModelIndex.of(type, ctx).orElseThrow();
        lookups.forEach(l -> coverage.put(l, DjangoIndexes.ofLookup(model, l).coverage().name()));
        coverage.put("order:-title", DjangoIndexes.ofOrdering(model, "-title").coverage().name());
        coverage.put("order:-sku", DjangoIndexes.ofOrdering(model, "-sku").coverage().name());
        coverage.put("order:owner__name", DjangoIndexes.ofOrdering(model, "owner__name").coverage().name());
        coverage.put("order:?", DjangoIndexes.ofOrdering(model, "?").coverage().name());
      });
    assertThat(coverage).containsExactly(
      Map.entry("pk", "INDEXED"), Map.entry("id", "INDEXED"), Map.entry("code", "INDEXED"), Map.entry("sku__in", "INDEXED"),
      Map.entry("slug", "INDEXED"), Map.entry("title", "UNINDEXED"), Map.entry("title__startswith", "UNINDEXED"),
      Map.entry("title__icontains", "UNKNOWN"), Map.entry("flag", "UNKNOWN"), Map.entry("special", "UNKNOWN"),
      Map.entry("dynamic", "UNKNOWN"), Map.entry("first", "INDEXED"), Map.entry("second__gt", "UNINDEXED"), Map.entry("owner", "INDEXED"),
      Map.entry("owner_id", "INDEXED"), Map.entry("owner__in", "INDEXED"), Map.entry("owner__name", "UNKNOWN"),
      Map.entry("loose", "UNKNOWN"), Map.entry("created__year", "UNINDEXED"), Map.entry("reverse_rel", "UNKNOWN"),
      Map.entry("title__x__y", "UNKNOWN"), Map.entry("order:-title", "UNINDEXED"), Map.entry("order:-sku", "INDEXED"),
      Map.entry("order:owner__name", "UNKNOWN"), Map.entry("order:?", "UNKNOWN"));
  }

  @Test
  void model_names_known_in_a_module() {
    Map<String, String> known = new LinkedHashMap<>();
    Analysis.onEach(Map.of("app/__init__.py", "", "app/models.py", MODELS, "app/other.py", """
      from django.conf import settings
      from django.db import models
      from app.models import Owner as Person, Item
      from os import path

      class Order(models.Model):
          buyer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
          shop = models.ForeignKey("shops.ShopFront", on_delete=models.CASCADE)
          parent = models.ForeignKey("self", on_delete=models.CASCADE)

      def local():
          from app.models import Stamped
      """), "app/other.py", Tree.Kind.FILE_INPUT, (tree, ctx) -> {
        for (String name : List.of("owner", "person", "item", "order", "user", "shopfront", "path", "stamped", "self", "parent")) {
          known.put(name, DjangoModelNames.known((FileInput) tree, name).orElse("-"));
        }
      });
    assertThat(known).containsExactly(Map.entry("owner", "Person"), Map.entry("person", "Person"), Map.entry("item", "Item"),
      Map.entry("order", "Order"), Map.entry("user", "User"), Map.entry("shopfront", "ShopFront"), Map.entry("path", "-"),
      Map.entry("stamped", "-"), Map.entry("self", "-"), Map.entry("parent", "-"));
    assertThat(DjangoModelNames.normalize("Blog_Post")).isEqualTo("blogpost");
  }

  @Test
  void unique_sets_strip_id_only_for_forward_relations() {
    Map<String, Boolean> unique = new LinkedHashMap<>();
    Analysis.onEach(Map.of("app/__init__.py", "", "app/models.py", """
      from django.contrib.contenttypes.fields import GenericForeignKey
      from django.db import models

      class Owner(models.Model):
          name = models.CharField(max_length=10)

      class Vote(models.Model):
          owner = models.ForeignKey(Owner, on_delete=models.CASCADE)
          content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
          object_id = models.PositiveIntegerField()
          object = GenericForeignKey("content_type", "object_id")
          class Meta:
              unique_together = [("owner_id", "content_type", "object_id")]
      """, "app/views.py", """
      from app.models import Vote
      Vote.objects
      """), "app/views.py", Tree.Kind.QUALIFIED_EXPR, (tree, ctx) -> {
        QualifiedExpression objects = (QualifiedExpression) tree;
        DjangoModelIndex.Model model = DjangoModelIndex.of(DjangoModels.classType(objects.qualifier().typeV2()), ctx).orElseThrow();
        unique.put("owner_id", "owner".equals(model.fieldName("owner_id")));
        unique.put("object_id", "object_id".equals(model.fieldName("object_id")));
        unique.put("all", model.coversUniqueSet(java.util.Set.of("owner", "content_type", "object_id")));
        unique.put("without object_id", model.coversUniqueSet(java.util.Set.of("owner", "content_type", "object")));
      });
    assertThat(unique).containsExactly(Map.entry("owner_id", true), Map.entry("object_id", true), Map.entry("all", true),
      Map.entry("without object_id", false));
  }
}
