/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.celery.CeleryTasks;
import org.backendreview.semantics.django.DjangoModelIndex;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A Celery task dispatched with a Django model instance or queryset as argument. The worker gets a serialized
 * snapshot (or a serialization error with the JSON serializer) instead of the current row.
 */
@Rule(key = "CeleryTaskModelArgument")
public class CeleryTaskModelArgumentCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, CeleryTaskModelArgumentCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<CeleryTasks.Dispatch> dispatch = CeleryTasks.dispatch(call, ctx);
    if (dispatch.isEmpty()) {
      return;
    }
    for (Expression argument : dispatch.get().arguments()) {
      Expression expr = Trees.skipParentheses(argument);
      String text = org.backendreview.semantics.project.ModuleSummary.dottedText(expr).orElse(null);
      if (isModelInstance(expr, ctx)) {
        String pk = text == null ? "its primary key" : "\"" + text + ".pk\"";
        ctx.addIssue(argument, "Pass " + pk + " instead of the model instance and load the row in the task: the worker would get "
          + "a stale serialized copy.");
      } else if (DjangoQuerySets.of(expr, ctx).isPresent()) {
        ctx.addIssue(argument, "Pass a list of primary keys instead of this queryset and query in the task: querysets are "
          + "evaluated and serialized when the task is sent.");
      }
    }
  }

  private static boolean isModelInstance(Expression expression, SubscriptionContext ctx) {
    if (expression instanceof Name name) {
      return DjangoModels.instanceOrigin(name, ctx).isPresent();
    }
    if (expression instanceof QualifiedExpression qualified) {
      String attribute = qualified.name().name();
      Expression owner = Trees.skipParentheses(qualified.qualifier());
      if ("user".equals(attribute) && isRequest(owner)) {
        return true;
      }
      if (owner instanceof Name ownerName) {
        Optional<DjangoModels.InstanceOrigin> origin = DjangoModels.instanceOrigin(ownerName, ctx);
        return origin.isPresent() && origin.get().model() != null && DjangoModelIndex.of(origin.get().model(), ctx)
          .flatMap(m -> m.field(attribute)).filter(f -> f.kind().isForwardSingle()).isPresent();
      }
    }
    return false;
  }

  /** {@code request} or {@code self.request}. */
  private static boolean isRequest(Expression expression) {
    return expression instanceof Name name && "request".equals(name.name())
      || expression instanceof QualifiedExpression q && "request".equals(q.name().name()) && q.qualifier() instanceof Name self && "self".equals(self.name());
  }
}
