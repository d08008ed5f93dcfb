/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.Optional;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncioApi;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ComprehensionExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.SliceExpression;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.UnpackingExpression;
import org.sonar.plugins.python.api.tree.WithItem;
import org.sonar.plugins.python.api.tree.WithStatement;

/**
 * {@code asyncio.gather(*[work(x) for x in items])} in a request handler where {@code items} comes from the
 * request (a parameter of the handler, an attribute of one such as {@code body.urls}, or a name assigned from one): the
 * number of concurrent calls is decided by the client. Not reported when the enclosing function or the same-module coroutine called per item limits
 * concurrency ({@code async with semaphore}, an {@code asyncio.Semaphore}/{@code BoundedSemaphore} or anyio
 * {@code CapacityLimiter}), or when the collection is sliced to a constant size.
 */
@Rule(key = "UnboundedGatherFanOut")
public class UnboundedGatherFanOutCheck extends BackendReviewCheck {

  private static final Pattern LIMITER_NAME = Pattern.compile("(?i).*(sem|limit|throttl|concurrency|pool).*");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, UnboundedGatherFanOutCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (!AsyncioApi.GATHER.isCalledBy(call)) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (function == null || FastApi.route(function).isEmpty() && RequestHandlers.of(function, ctx).isEmpty()) {
      // request-sized collections only: the handler's own inputs
      return;
    }
    for (Argument argument : call.arguments()) {
      if (argument instanceof UnpackingExpression unpacking) {
        Optional<ComprehensionExpression> fanOut = comprehension(unpacking.expression());
        if (fanOut.isEmpty()) {
          continue;
        }
        Expression iterable = fanOut.get().comprehensionFor().iterable();
        Optional<Name> source = callerProvided(iterable, function);
        if (source.isPresent() && !limitsConcurrency(function) && !calleeLimitsConcurrency(fanOut.get().resultExpression())) {
          ctx.addIssue(call, "Limit the concurrency of this fan-out over \"" + SourceText.of(iterable) + "\" (e.g. with an asyncio.Semaphore): "
            + "its size comes from the request, so one request can start an unbounded number of concurrent operations.")
            .secondary(source.get(), "Request-provided collection");
        }
      }
    }
  }

  private static Optional<ComprehensionExpression> comprehension(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof ComprehensionExpression comprehension && expr.is(Tree.Kind.LIST_COMPREHENSION, Tree.Kind.GENERATOR_EXPR)) {
      return Optional.of(comprehension);
    }
    if (expr instanceof Name name) {
      return ValueResolver.singleAssignedValue(name).flatMap(UnboundedGatherFanOutCheck::comprehension);
    }
    return Optional.empty();
  }

  /** The parameter at the root of the iterable ({@code items}, {@code body.urls}), through one local assignment; empty when bounded. */
  private static Optional<Name> callerProvided(Expression iterable, FunctionDef function) {
    Expression expr = Trees.skipParentheses(iterable);
    if (expr instanceof SubscriptionExpression || expr instanceof SliceExpression || expr instanceof CallExpression) {
      // items[:10], range(...), sorted(...)[...]: sizes decided here
      return Optional.empty();
    }
    while (expr instanceof QualifiedExpression qualified) {
      expr = Trees.skipParentheses(qualified.qualifier());
    }
    if (!(expr instanceof Name name) || "self".equals(name.name()) || "cls".equals(name.name())) {
      return Optional.empty();
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    Optional<UsageV2> binding = symbol.getSingleBindingUsage();
    if (binding.isPresent() && binding.get().kind() == UsageV2.Kind.PARAMETER && Trees.isAncestorOrSelf(function, binding.get().tree())) {
      return Optional.of((Name) binding.get().tree());
    }
    if (binding.isPresent() && binding.get().kind() == UsageV2.Kind.ASSIGNMENT_LHS) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(name);
      if (value.isPresent() && !(Trees.skipParentheses(value.get()) instanceof Name)) {
        return value.flatMap(v -> callerProvided(v, function));
      }
    }
    return Optional.empty();
  }

  private static boolean limitsConcurrency(FunctionDef function) {
    boolean[] found = {false};
    Trees.walk(function.body(), t -> true, t -> {
      if (t instanceof CallExpression c && AsyncioApi.CONCURRENCY_LIMITERS.isCalledBy(c)) {
        found[0] = true;
      } else if (t instanceof WithStatement with && with.isAsync()) {
        for (WithItem item : with.withItems()) {
          if (LIMITER_NAME.matcher(SourceText.of(item.test())).matches()) {
            found[0] = true;
          }
        }
      }
    });
    return found[0];
  }

  /** The per-item coroutine is a same-module function that acquires a limiter. */
  private static boolean calleeLimitsConcurrency(Expression element) {
    Expression expr = Trees.skipParentheses(element);
    if (!(expr instanceof CallExpression call) || !(Trees.skipParentheses(call.callee()) instanceof Name callee)) {
      return false;
    }
    FunctionDef target = Trees.functionBoundTo(callee);
    // unknown callee (imported or a parameter): it may limit itself, stay silent
    return target == null || limitsConcurrency(target);
  }
}
