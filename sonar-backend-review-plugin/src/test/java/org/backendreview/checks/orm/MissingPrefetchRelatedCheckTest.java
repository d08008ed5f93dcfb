/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.junit.jupiter.api.Test;

class MissingPrefetchRelatedCheckTest {

  @Test
  void related_managers_queried_per_item_across_modules() {
    CheckVerifier.verify(OrmSamples.withShop("orm/missingPrefetchRelated"), new MissingPrefetchRelatedCheck());
  }

  private static final String MODELS = """
    from django.db import models

    class Tag(models.Model):
        name = models.CharField(max_length=10)

    class Post(models.Model):
        tags = models.ManyToManyField(Tag)

    """;

  @Test
  void quick_fix_prefetches_the_relation_on_the_manager() {
    QuickFixVerifier.verify(new MissingPrefetchRelatedCheck(),
      MODELS + "def tags():\n    for post in Post.objects:\n        print(post.tags.all())\n",
      MODELS + "def tags():\n    for post in Post.objects.prefetch_related(\"tags\"):\n        print(post.tags.all())\n");
    QuickFixVerifier.verify(new MissingPrefetchRelatedCheck(),
      MODELS + "def tags():\n    return [list(p.tags.all()) for p in Post.objects.order_by(\"id\")[:10]]\n",
      MODELS + "def tags():\n    return [list(p.tags.all()) for p in Post.objects.order_by(\"id\").prefetch_related(\"tags\")[:10]]\n");
  }

  @Test
  void no_quick_fix_for_a_queryset_iterated_in_chunks() {
    QuickFixVerifier.verifyNoQuickFixes(new MissingPrefetchRelatedCheck(),
      MODELS + "def tags():\n    for post in Post.objects.all().iterator():\n        print(post.tags.all())\n");
  }
}
