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
import org.backendreview.tree.TextEdits;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
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
  /**
   * A quick fix chaining {@code method} (e.g. {@code prefetch_related("tags")}) onto the queryset where it is built: when
   * that is a manager ({@code Book.objects}) or ends with a method that returns a queryset. None for {@code iterator()}
   * chains (prefetching needs a chunk size there) or a queryset that comes from elsewhere (a parameter).
   */
  static Optional<PythonQuickFix> chain(DjangoQuerySets.QuerySet querySet, String method) {
    Tree location = querySetLocation(querySet);
    boolean iterator = querySet.methods().stream().anyMatch(c -> "iterator".equals(methodName(c)));
    boolean chainable = location instanceof QualifiedExpression
      || location instanceof CallExpression call && CHAINABLE.contains(methodName(call));
    if (iterator || !chainable) {
      return Optional.empty();
    }
    return Optional.of(PythonQuickFix.newQuickFix("Add \"" + method + "\" to the queryset", TextEdits.insertAfter(location, "." + method)));
  }

  private static final Set<String> CHAINABLE = Set.of("all", "filter", "exclude", "order_by", "select_related", "prefetch_related", "only",
    "defer", "distinct", "annotate", "alias", "using", "reverse");

  private static String methodName(CallExpression call) {
    return call.callee() instanceof QualifiedExpression qualified ? qualified.name().name() : "";
  }

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
