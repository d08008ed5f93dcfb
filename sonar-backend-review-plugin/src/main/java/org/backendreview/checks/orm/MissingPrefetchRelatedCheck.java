/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.RelationAccesses.Access;
import org.backendreview.semantics.django.RelationAccesses.Kind;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * In a loop over a queryset, calling a related manager of each item (many-to-many, reverse foreign key) runs
 * one query per item. {@code all()}/{@code count()}/{@code exists()} are answered from {@code prefetch_related()};
 * {@code filter()}, {@code order_by()}... always query, prefetched or not. A per-item {@code count()} is answered with
 * {@code annotate(Count(...))} rather than by prefetching every related row.
 */
@Rule(key = "MissingPrefetchRelated")
public class MissingPrefetchRelatedCheck extends QuerySetLoopCheck {

  @Override
  boolean report(SubscriptionContext ctx, DjangoQuerySets.Loop loop, QualifiedExpression read, Access access) {
    if (access.kind() != Kind.MANY) {
      return false;
    }
    String item = loop.item().name();
    String relation = access.relation();
    Tree call = read.parent().parent();
    String expression = item + "." + relation + "." + access.method() + "()";
    if (access.queriesEvenIfPrefetched()) {
      ctx.addIssue(call, "Move this per-item query out of the loop: \"" + expression + "\" queries the database for every item, "
        + "even with prefetch_related(); prefetch a filtered Prefetch(\"" + relation + "\", queryset=...) or annotate the value.")
        .secondary(querySetLocation(loop.querySet()), "Queryset iterated here");
      return true;
    }
    if (loop.querySet().prefetches(relation)) {
      return false;
    }
    if ("count".equals(access.method())) {
      // prefetching every related row to count them loads far more than the number: let the database count
      ctx.addIssue(call, "Annotate this queryset with the count (annotate(" + relation + "_count=Count(\"" + relation + "\"))): \""
        + expression + "\" runs one query per item.")
        .secondary(querySetLocation(loop.querySet()), "Queryset without the count");
      return true;
    }
    PreciseIssue issue = ctx.addIssue(call, "Add prefetch_related(\"" + relation + "\") to this queryset: \"" + expression + "\" runs one query per item.")
      .secondary(querySetLocation(loop.querySet()), "Queryset without prefetch_related(\"" + relation + "\")");
    chain(loop.querySet(), "prefetch_related(\"" + relation + "\")").ifPresent(issue::addQuickFix);
    return true;
  }
}
