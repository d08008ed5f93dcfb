/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoProjectSettings;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.drf.DrfViews;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * For Django REST framework: a list view (generic list view, model viewset) that returns every row of its
 * queryset in one response, because neither the view (nor a project base class) sets {@code pagination_class} nor the
 * project's deployable settings set {@code REST_FRAMEWORK["DEFAULT_PAGINATION_CLASS"]}. Silent when the settings are not
 * found or built dynamically, when the view overrides how the list is produced, or when the queryset is sliced.
 */
@Rule(key = "UnpaginatedListView")
public class UnpaginatedListViewCheck extends BackendReviewCheck {

  private static final Set<String> LIST_OVERRIDES = Set.of("list", "paginate_queryset", "get_paginated_response", "paginator");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, UnpaginatedListViewCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    ClassDef view = (ClassDef) ctx.syntaxNode();
    if (!DrfViews.isListView(view) || LIST_OVERRIDES.stream().anyMatch(name -> DjangoQuerySets.method(view, name) != null)) {
      return;
    }
    Optional<DrfViews.ViewQuerySet> listed = DrfViews.querySet(view, ctx);
    if (listed.isEmpty() || listed.get().querySet().sliced() || listed.get().locations().isEmpty()
      || DrfViews.setsPagination(view, ctx) != TriBool.FALSE || DjangoProjectSettings.of(ctx).defaultPagination() != TriBool.FALSE) {
      return;
    }
    ctx.addIssue(view.name(), "Set \"pagination_class\" on " + view.name().name()
        + " (or DEFAULT_PAGINATION_CLASS in the REST_FRAMEWORK settings): its list returns every row of the queryset in one response.")
      .secondary(listed.get().locations().get(0), "Listed without a bound");
  }
}
