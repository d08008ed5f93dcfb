/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.List;
import org.backendreview.testing.CheckVerifier;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;

import static org.assertj.core.api.Assertions.assertThat;

class SerializerRelationNotPrefetchedCheckTest {

  @Test
  void list_views_whose_serializers_walk_relations() {
    // models in shop/models.py, serializers in catalog/serializers.py, views in catalog/views.py
    CheckVerifier.verify(OrmSamples.withShop("orm/serializerRelationNotPrefetched"), new SerializerRelationNotPrefetchedCheck());
  }

  @Test
  void messages_name_the_relation_and_point_at_the_serializer_field() {
    List<PreciseIssue> issues = CheckVerifier.issues(OrmSamples.withShop("orm/serializerRelationNotPrefetched"), new SerializerRelationNotPrefetchedCheck());
    assertThat(issues).extracting(i -> i.primaryLocation().message()).contains(
      "Add select_related(\"author\") to this queryset: BookSerializer reads \"author\" of every listed item (one query per item).",
      "Add prefetch_related(\"tags\") to this queryset: BookSerializer reads \"tags\" of every listed item (one query per item).",
      "Add prefetch_related(\"chapter_set\") to this queryset: BookRowSerializer reads \"chapter_set\" of every listed item (one query per item).",
      "BookRowSerializer runs \"chapter_set.filter()\" for every listed item, even with prefetch_related(): annotate the value on this "
        + "queryset or prefetch a filtered Prefetch(\"chapter_set\", queryset=...).",
      "Add prefetch_related(\"books\") to this queryset: AuthorWithBooksSerializer reads \"books\" of every listed item (one query per item).",
      "Add select_related(\"publisher\") to this queryset: AuthorWithBooksSerializer reads \"publisher\" of every listed item (one query per item).");
    // the secondary location is in the serializers module
    PreciseIssue first = issues.get(0);
    assertThat(first.secondaryLocations()).singleElement()
      .satisfies(l -> assertThat(l.fileId()).endsWith("serializers.py"))
      .satisfies(l -> assertThat(l.startLine()).isEqualTo(19));
  }
}
