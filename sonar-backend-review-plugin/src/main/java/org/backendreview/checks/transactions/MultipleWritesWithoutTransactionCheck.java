/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoProjectSettings;
import org.backendreview.semantics.django.DjangoTransactions;
import org.backendreview.semantics.django.DjangoWrites;
import org.backendreview.semantics.django.DjangoWrites.Write;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A Django or DRF view that writes two different things (rows of different models, several
 * instances) outside any transaction, in a project whose settings prove {@code ATOMIC_REQUESTS} is off. A failure
 * between the writes leaves the first one committed.
 */
@Rule(key = "MultipleWritesWithoutTransaction")
public class MultipleWritesWithoutTransactionCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, MultipleWritesWithoutTransactionCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    if (DjangoTransactions.atomicDecorator(function).isPresent()) {
      return;
    }
    Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx);
    if (handler.isEmpty() || handler.get().framework() == RequestHandlers.Framework.FASTAPI
      || handler.get().framework() == RequestHandlers.Framework.FLASK) {
      return;
    }
    List<Write> writes = new ArrayList<>();
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (DjangoTransactions.enclosing(call).isEmpty()) {
        DjangoWrites.of(call, ctx).ifPresent(writes::add);
      }
    }
    List<Write> together = firstPairOrMore(writes);
    if (together.size() < 2 || DjangoProjectSettings.of(ctx).atomicRequests() != TriBool.FALSE) {
      return;
    }
    PreciseIssue issue = ctx.addIssue(function.name(), "Wrap the " + together.size() + " database writes of this view in "
      + "\"transaction.atomic()\": if a later one fails, the earlier ones stay committed.");
    together.forEach(w -> issue.secondary(w.call(), "Write to " + w.display()));
  }

  /** The writes that can all run in one call, starting from the first pair of different targets; empty when none. */
  private static List<Write> firstPairOrMore(List<Write> writes) {
    for (int i = 0; i < writes.size(); i++) {
      List<Write> group = new ArrayList<>();
      group.add(writes.get(i));
      for (int j = i + 1; j < writes.size(); j++) {
        Write candidate = writes.get(j);
        boolean compatible = group.stream().allMatch(w -> DjangoWrites.canRunTogether(w.call(), candidate.call()));
        boolean newTarget = group.stream().noneMatch(w -> w.target().equals(candidate.target()));
        if (compatible && newTarget) {
          group.add(candidate);
        }
      }
      if (group.size() >= 2) {
        return group;
      }
    }
    return List.of();
  }
}
