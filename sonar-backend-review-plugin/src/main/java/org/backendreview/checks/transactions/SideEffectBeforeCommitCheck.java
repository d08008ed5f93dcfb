/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoProjectSettings;
import org.backendreview.semantics.django.DjangoTransactions;
import org.backendreview.semantics.django.DjangoWrites;
import org.backendreview.semantics.messaging.OutboundEffects;
import org.backendreview.semantics.messaging.OutboundEffects.Effect;
import org.backendreview.semantics.messaging.OutboundEffects;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.WithItem;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A Celery task dispatch, an e-mail or a broker publish inside {@code transaction.atomic()} (or a view run in
 * a transaction by {@code ATOMIC_REQUESTS}) happens before the commit: the worker may not see the rows yet, and the
 * effect stays when the transaction rolls back.
 */
@Rule(key = "SideEffectBeforeCommit")
public class SideEffectBeforeCommitCheck extends BackendReviewCheck {

  private static final java.util.regex.Pattern REPLICA = java.util.regex.Pattern.compile("replica|read|slave|secondary|follower|(^|_)ro($|_)");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, SideEffectBeforeCommitCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<Effect> effect = OutboundEffects.of(call, ctx);
    if (effect.isEmpty() || effect.get().onCommit()) {
      return;
    }
    Optional<DjangoTransactions.Atomic> atomic = DjangoTransactions.enclosing(call);
    Tree secondary;
    String secondaryMessage;
    if (atomic.isPresent()) {
      List<DjangoTransactions.Atomic> scopes = DjangoTransactions.enclosingAll(call);
      // the outermost block is the transaction that commits: a write anywhere in it before the call counts
      Tree transaction = scopes.get(scopes.size() - 1).body();
      if (onOtherDatabase(atomic.get()) || !DjangoWrites.mayWriteBefore(transaction, call, ctx, c -> OutboundEffects.of(c, ctx).isPresent())) {
        return;
      }
      secondary = atomic.get().marker();
      secondaryMessage = "Transaction committed after this block";
    } else {
      FunctionDef handler = atomicRequestHandler(call, ctx);
      if (handler == null || !DjangoWrites.mayWriteBefore(handler, call, ctx, c -> OutboundEffects.of(c, ctx).isPresent())) {
        return;
      }
      secondary = handler.name();
      secondaryMessage = "View run in a transaction (ATOMIC_REQUESTS = True)";
    }
    PreciseIssue issue = ctx.addIssue(call, "Run this " + effect.get().kind().description() + " after the commit with "
      + "transaction.on_commit(): \"" + effect.get().what() + "\" happens before the transaction commits and stays if it rolls back.")
      .secondary(secondary, secondaryMessage);
    quickFix(call, ctx).ifPresent(issue::addQuickFix);
  }

  /**
   * {@code atomic(using=...)} on a database alias that reads as a replica ("replica", "read", "readonly", "slave"...):
   * nothing this code writes is committed by that transaction.
   */
  private static boolean onOtherDatabase(DjangoTransactions.Atomic atomic) {
    Expression marker = atomic.marker() instanceof WithItem item ? item.test()
      : atomic.marker() instanceof Decorator decorator ? decorator.expression() : null;
    if (!(marker instanceof CallExpression call)) {
      return false;
    }
    Optional<Expression> using = Arguments.value(call, 0, "using");
    if (using.isEmpty()) {
      return false;
    }
    String text = Trees.skipParentheses(using.get()) instanceof StringLiteral literal ? literal.trimmedQuotesValue()
      : SourceText.of(using.get());
    return REPLICA.matcher(text.toLowerCase(java.util.Locale.ROOT)).find();
  }

  /** The handler the call is directly in, when it is a Django view and ATOMIC_REQUESTS is on. */
  private static FunctionDef atomicRequestHandler(CallExpression call, SubscriptionContext ctx) {
    FunctionDef function = Trees.enclosingFunction(call);
    if (function == null || DjangoTransactions.isNonAtomicRequests(function)) {
      return null;
    }
    Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx);
    if (handler.isEmpty() || handler.get().framework() == RequestHandlers.Framework.FASTAPI
      || handler.get().framework() == RequestHandlers.Framework.FLASK) {
      return null;
    }
    return DjangoProjectSettings.of(ctx).atomicRequests() == TriBool.TRUE ? function : null;
  }

  /**
   * {@code transaction.on_commit(lambda: <call>)} for a call that is a statement of its own, outside any loop (a lambda
   * in a loop would see the loop variable's last value), when the module imports {@code django.db.transaction}.
   */
  private static Optional<PythonQuickFix> quickFix(CallExpression call, SubscriptionContext ctx) {
    if (call.parent() == null || !call.parent().is(Tree.Kind.EXPRESSION_STMT) || Trees.enclosingLoop(call) != null
      || Trees.firstAncestor(call, Tree.Kind.FOR_STMT, Tree.Kind.WHILE_STMT) != null) {
      return Optional.empty();
    }
    Optional<ModuleSummary> module = ModuleSources.current(ctx);
    if (module.isEmpty()) {
      return Optional.empty();
    }
    String onCommit = null;
    for (Map.Entry<String, String> imported : module.get().imports().entrySet()) {
      if (DjangoApi.TRANSACTION_MODULE.equals(imported.getValue())) {
        onCommit = imported.getKey() + ".on_commit";
      } else if (DjangoApi.ON_COMMIT.contains(imported.getValue()) && onCommit == null) {
        onCommit = imported.getKey();
      }
    }
    if (onCommit == null) {
      return Optional.empty();
    }
    return Optional.of(PythonQuickFix.newQuickFix("Wrap in " + onCommit + "(lambda: ...)",
      TextEdits.insertBefore(call, onCommit + "(lambda: "), TextEdits.insertAfter(call, ")")));
  }
}
