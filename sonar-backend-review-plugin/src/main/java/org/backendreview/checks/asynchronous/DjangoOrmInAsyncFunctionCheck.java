/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A Django queryset evaluated or a model instance saved/deleted inside a coroutine, without the async ORM API
 * ({@code aget()}, {@code acreate()}, {@code async for}) or {@code sync_to_async}. Django raises
 * {@code SynchronousOnlyOperation} at runtime. Building a queryset lazily is fine and not reported.
 */
@Rule(key = "DjangoOrmInAsyncFunction")
public class DjangoOrmInAsyncFunctionCheck extends BackendReviewCheck {

  /** Evaluating manager/queryset methods and their async counterparts. */
  private static final Map<String, String> QUERY_METHODS = Map.ofEntries(
    Map.entry("get", "aget"), Map.entry("first", "afirst"), Map.entry("last", "alast"), Map.entry("latest", "alatest"),
    Map.entry("earliest", "aearliest"), Map.entry("count", "acount"), Map.entry("exists", "aexists"), Map.entry("create", "acreate"),
    Map.entry("get_or_create", "aget_or_create"), Map.entry("update_or_create", "aupdate_or_create"),
    Map.entry("bulk_create", "abulk_create"), Map.entry("bulk_update", "abulk_update"), Map.entry("update", "aupdate"),
    Map.entry("delete", "adelete"), Map.entry("aggregate", "aaggregate"), Map.entry("in_bulk", "ain_bulk"),
    Map.entry("iterator", "aiterator"), Map.entry("contains", "acontains"), Map.entry("explain", "aexplain"));
  private static final Map<String, String> INSTANCE_METHODS = Map.of("save", "asave", "delete", "adelete",
    "refresh_from_db", "arefresh_from_db");
  private static final Set<String> MATERIALIZERS = Set.of("list", "len", "tuple", "set", "sorted");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, DjangoOrmInAsyncFunctionCheck::checkCall);
    context.registerSyntaxNodeConsumer(Tree.Kind.FOR_STMT, DjangoOrmInAsyncFunctionCheck::checkFor);
  }

  private static void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    FunctionDef coroutine = AsyncContext.enclosingCoroutine(call);
    if (coroutine == null || AsyncContext.isAwaited(call) || AsyncContext.isInsideOffloadedArgument(call)) {
      return;
    }
    Optional<String> method = DjangoModels.managerMethod(call);
    if (method.isPresent() && QUERY_METHODS.containsKey(method.get())) {
      report(ctx, call, coroutine, "use \"" + QUERY_METHODS.get(method.get()) + "()\"");
      return;
    }
    Optional<String> name = Fqns.calleeName(call);
    if (name.isPresent() && INSTANCE_METHODS.containsKey(name.get()) && Fqns.receiver(call).filter(r -> isModelInstance(r, ctx)).isPresent()) {
      report(ctx, call, coroutine, "use \"" + INSTANCE_METHODS.get(name.get()) + "()\"");
      return;
    }
    if (call.callee() instanceof Name builtin && MATERIALIZERS.contains(builtin.name()) && Fqns.ofCallee(call).filter(f -> f.equals(builtin.name())).isPresent()
      && call.arguments().size() == 1 && call.arguments().get(0) instanceof RegularArgument argument && isQuerySet(argument.expression(), ctx)) {
      report(ctx, call, coroutine, "iterate with \"async for\"");
    }
  }

  private static void checkFor(SubscriptionContext ctx) {
    ForStatement loop = (ForStatement) ctx.syntaxNode();
    FunctionDef coroutine = AsyncContext.enclosingCoroutine(loop);
    if (coroutine == null || loop.isAsync() || loop.testExpressions().size() != 1) {
      return;
    }
    Expression iterable = loop.testExpressions().get(0);
    if (isQuerySet(iterable, ctx)) {
      ctx.addIssue(iterable, "Iterating over this queryset in a coroutine runs a synchronous query and raises SynchronousOnlyOperation: "
        + "use \"async for\", or wrap the code with \"sync_to_async\".")
        .secondary(coroutine.asyncKeyword(), "Coroutine");
    }
  }

  private static void report(SubscriptionContext ctx, CallExpression call, FunctionDef coroutine, String fix) {
    ctx.addIssue(call, "\"" + SourceText.call(call) + "\" runs a synchronous Django ORM query in a coroutine and raises "
      + "SynchronousOnlyOperation: " + fix + ", or wrap the code with \"sync_to_async\".")
      .secondary(coroutine.asyncKeyword(), "Coroutine");
  }

  private static boolean isQuerySet(Expression expression, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(expression);
    if (DjangoModels.isQuerySetCall(expr)) {
      return true;
    }
    if (expr instanceof QualifiedExpression qualified && "objects".equals(qualified.name().name())) {
      return false;
    }
    if (expr instanceof Name name) {
      Set<Expression> values = AnalysisContext.of(ctx).values().reaching(name, ctx);
      return !values.isEmpty() && values.stream().allMatch(DjangoModels::isQuerySetCall);
    }
    return false;
  }

  private static boolean isModelInstance(Expression receiver, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(receiver);
    if (Types.instanceType(expr.typeV2()) != null && ClassHierarchy.typeIsOrExtends(Types.instanceType(expr.typeV2()), DjangoModels.MODEL)) {
      return true;
    }
    return expr instanceof Name name && DjangoModels.instanceOrigin(name, ctx).isPresent();
  }
}
