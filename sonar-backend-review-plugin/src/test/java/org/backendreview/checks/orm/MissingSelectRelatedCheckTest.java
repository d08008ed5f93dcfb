/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.junit.jupiter.api.Test;

class MissingSelectRelatedCheckTest {

  private static final String MODELS = """
    from django.db import models

    class Author(models.Model):
        name = models.CharField(max_length=10)

    class Book(models.Model):
        author = models.ForeignKey(Author, on_delete=models.CASCADE)
        isbn_owner = models.ForeignKey(Author, to_field="name", on_delete=models.CASCADE, related_name="+")

    """;

  @Test
  void forward_relations_read_per_item_across_modules() {
    CheckVerifier.verify(OrmSamples.withShop("orm/missingSelectRelated"), new MissingSelectRelatedCheck());
  }

  @Test
  void quick_fix_reads_the_foreign_key_column() {
    QuickFixVerifier.verify(new MissingSelectRelatedCheck(),
      MODELS + "ids = [b.author.id for b in Book.objects.all()]\n",
      MODELS + "ids = [b.author_id for b in Book.objects.all()]\n");
  }

  @Test
  void when_the_key_targets_another_field_the_quick_fix_selects_the_relation() {
    QuickFixVerifier.verify(new MissingSelectRelatedCheck(),
      MODELS + "ids = [b.isbn_owner.pk for b in Book.objects.all()]\n",
      MODELS + "ids = [b.isbn_owner.pk for b in Book.objects.all().select_related(\"isbn_owner\")]\n");
  }

  @Test
  void quick_fix_selects_the_relation_where_the_queryset_is_built() {
    QuickFixVerifier.verify(new MissingSelectRelatedCheck(),
      MODELS + "def names():\n    books = Book.objects.filter(isbn_owner__name=\"x\")\n    return [b.author.name for b in books]\n",
      MODELS + "def names():\n    books = Book.objects.filter(isbn_owner__name=\"x\").select_related(\"author\")\n    return [b.author.name for b in books]\n");
  }

  @Test
  void no_quick_fix_when_the_queryset_comes_from_elsewhere_or_is_iterated_in_chunks() {
    QuickFixVerifier.verifyNoQuickFixes(new MissingSelectRelatedCheck(),
      MODELS + "def names():\n    return [b.author.name for b in Book.objects.all().iterator()]\n");
  }
}
