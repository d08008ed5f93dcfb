/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.checks.ReportsIn;
import org.backendreview.semantics.celery.CeleryTasks;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.django.DjangoProjectSettings;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.DjangoTransactions;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.project.CodeScope;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.ComprehensionFor;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WithStatement;

/**
 * A {@code select_for_update()} queryset evaluated where no transaction is open (Django raises
 * {@code TransactionManagementError} in autocommit mode), in code that is surely not called from a transaction: a
 * Celery task, a management command, or a view when {@code ATOMIC_REQUESTS} is off. Also a row locked in a
 * {@code with transaction.atomic():} block and saved after the block, when the lock is already released.
 */
@Rule(key = "SelectForUpdateOutsideAtomic")
@ReportsIn(CodeScope.ALL_CODE)
public class SelectForUpdateOutsideAtomicCheck extends BackendReviewCheck {

  private static final Set<String> EVALUATING_FUNCTIONS = Set.of("list", "tuple", "len", "bool", "set", "sorted", "next", "iter");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, SelectForUpdateOutsideAtomicCheck::checkCall);
  }

  private static void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    String name = Fqns.calleeName(call).orElse("");
    if ("select_for_update".equals(name)) {
      checkLock(ctx, call);
    } else if ("save".equals(name)) {
      checkSaveAfterBlock(ctx, call);
    }
  }

  private static void checkLock(SubscriptionContext ctx, CallExpression lock) {
    if (DjangoQuerySets.of(lock, ctx).isEmpty()) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(lock);
    if (function == null || !runsOutsideAnyTransaction(function, ctx)) {
      return;
    }
    for (Tree evaluation : evaluations(lock, ctx)) {
      if (DjangoTransactions.enclosing(evaluation).isEmpty() && Trees.enclosingFunction(evaluation) == function) {
        var issue = ctx.addIssue(lock, "Evaluate this select_for_update() queryset inside \"transaction.atomic()\": without a "
          + "transaction Django raises TransactionManagementError and no row is locked.");
        if (!Trees.isAncestorOrSelf(evaluation, lock)) {
          issue.secondary(evaluation, "Evaluated here, outside any transaction");
        }
        return;
      }
    }
  }

  /** Celery tasks, management commands and views with ATOMIC_REQUESTS off: nothing around them opens a transaction. */
  private static boolean runsOutsideAnyTransaction(FunctionDef function, SubscriptionContext ctx) {
    if (CeleryTasks.isTaskFunction(function)) {
      return true;
    }
    ClassDef owner = Trees.methodOwner(function);
    if (owner != null && "handle".equals(function.name().name())
      && ClassHierarchy.extendsAny(owner, DjangoApi.BASE_COMMAND)) {
      return true;
    }
    Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx);
    return handler.isPresent() && (handler.get().framework() == RequestHandlers.Framework.DJANGO || handler.get().framework() == RequestHandlers.Framework.DRF)
      && DjangoProjectSettings.of(ctx).atomicRequests() == TriBool.FALSE;
  }

  /** Where the queryset built by this chain runs its query. */
  private static List<Tree> evaluations(CallExpression lock, SubscriptionContext ctx) {
    Expression top = lock;
    while (true) {
      Tree parent = top.parent();
      if (parent instanceof QualifiedExpression q && q.qualifier() == top && q.parent() instanceof CallExpression next && next.callee() == q) {
        String method = q.name().name();
        if (DjangoQuerySets.EVALUATING_METHODS.contains(method)) {
          return List.of(next);
        }
        if (!DjangoQuerySets.CHAIN_METHODS.contains(method)) {
          return List.of();
        }
        top = next;
      } else if (parent != null && parent.is(Tree.Kind.SUBSCRIPTION, Tree.Kind.SLICE_EXPR)) {
        return parent.is(Tree.Kind.SUBSCRIPTION) ? List.of(parent) : evaluationsOf((Expression) parent, ctx);
      } else if (parent != null && parent.is(Tree.Kind.PARENTHESIZED)) {
        top = (Expression) parent;
      } else {
        return evaluationsOf(top, ctx);
      }
    }
  }

  private static List<Tree> evaluationsOf(Expression queryset, SubscriptionContext ctx) {
    Tree parent = queryset.parent();
    if (isIterated(queryset) || parent instanceof RegularArgument argument && argument.parent() != null
      && argument.parent().parent() instanceof CallExpression call && isEvaluatingCall(call)) {
      return List.of(queryset);
    }
    if (parent instanceof AssignmentStatement assignment && assignment.assignedValue() == queryset && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name target) {
      return usesOf(target, ctx);
    }
    return List.of();
  }

  private static List<Tree> usesOf(Name target, SubscriptionContext ctx) {
    List<Tree> result = new ArrayList<>();
    SymbolV2 symbol = target.symbolV2();
    if (symbol == null) {
      return result;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.isBindingUsage() || !(usage.tree() instanceof Name use)) {
        continue;
      }
      Tree parent = use.parent();
      if (parent instanceof QualifiedExpression q && q.qualifier() == use && q.parent() instanceof CallExpression call
        && DjangoQuerySets.EVALUATING_METHODS.contains(q.name().name())) {
        result.add(call);
      } else if (!evaluationsOf(use, ctx).isEmpty() || parent != null && parent.is(Tree.Kind.SUBSCRIPTION)) {
        result.add(use);
      }
    }
    return result;
  }

  private static boolean isIterated(Expression expression) {
    Tree parent = expression.parent();
    return parent instanceof ForStatement forStatement && forStatement.testExpressions().contains(expression)
      || parent instanceof ComprehensionFor comprehension && comprehension.iterable() == expression;
  }

  private static boolean isEvaluatingCall(CallExpression call) {
    if (call.callee() instanceof Name name && EVALUATING_FUNCTIONS.contains(name.name())) {
      return true;
    }
    return Fqns.isCallTo(call, "django.shortcuts.get_object_or_404", "django.shortcuts.get_list_or_404");
  }

  /** {@code obj.save()} after the {@code with transaction.atomic():} block that read {@code obj} with a lock. */
  private static void checkSaveAfterBlock(SubscriptionContext ctx, CallExpression save) {
    Optional<Expression> receiver = Fqns.receiver(save);
    if (receiver.isEmpty() || !(receiver.get() instanceof Name instance)) {
      return;
    }
    Optional<DjangoModels.InstanceOrigin> origin = DjangoModels.instanceOrigin(instance, ctx);
    if (origin.isEmpty() || !origin.get().locked()) {
      return;
    }
    Optional<DjangoTransactions.Atomic> lockBlock = DjangoTransactions.enclosing(origin.get().origin());
    if (lockBlock.isEmpty() || lockBlock.get().decorator() || Trees.isAncestorOrSelf(lockBlock.get().body(), save)
      || Trees.enclosingFunction(save) != Trees.enclosingFunction(origin.get().origin())) {
      return;
    }
    WithStatement with = (WithStatement) lockBlock.get().body().parent();
    ctx.addIssue(save, "Save \"" + instance.name() + "\" inside the atomic block that locked it: the row lock was released at the end of "
      + "that block, so a concurrent update can be overwritten.")
      .secondary(origin.get().origin(), "Row locked here")
      .secondary(with.withKeyword(), "Lock released at the end of this block");
  }
}
