/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoModelIndex;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.RelationAccesses;
import org.backendreview.semantics.django.RelationAccesses.Access;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/** Shared walk of the N+1 rules: each read of the loop variable of a loop over a queryset, classified. */
abstract class QuerySetLoopCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FOR_STMT, this::checkLoop);
    context.registerSyntaxNodeConsumer(Tree.Kind.COMP_FOR, this::checkLoop);
  }

  private void checkLoop(SubscriptionContext ctx) {
    Optional<DjangoQuerySets.Loop> loop = DjangoQuerySets.loop(ctx.syntaxNode(), ctx);
    if (loop.isEmpty() || loop.get().querySet().valuesLike()) {
      return;
    }
    Optional<DjangoModelIndex.Model> model = DjangoModelIndex.of(loop.get().querySet().model(), ctx);
    if (model.isEmpty()) {
      return;
    }
    Set<String> reported = new HashSet<>();
    for (QualifiedExpression read : RelationAccesses.itemReads(loop.get())) {
      Optional<Access> access = RelationAccesses.classify(model.get(), read);
      if (access.isPresent() && !reported.contains(access.get().relation()) && report(ctx, loop.get(), read, access.get())) {
        reported.add(access.get().relation());
      }
    }
  }

  /** Reports the access if the rule is about it; returns true when it reported. */
  abstract boolean report(SubscriptionContext ctx, DjangoQuerySets.Loop loop, QualifiedExpression read, Access access);

  /** The queryset expression to point at: the outermost chained call, or the manager. */
  static Tree querySetLocation(DjangoQuerySets.QuerySet querySet) {
    Tree location = querySet.origin();
    for (CallExpression call : querySet.methods()) {
      if (org.backendreview.tree.Trees.isAncestorOrSelf(call, querySet.origin())) {
        location = call;
      }
    }
    return location;
  }
}
