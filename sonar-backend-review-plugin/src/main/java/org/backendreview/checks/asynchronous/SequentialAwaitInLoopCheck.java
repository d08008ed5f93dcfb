/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.http.ClientObjects;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WithStatement;

/**
 * A {@code for} loop in an {@code async def} whose only work is one awaited read request per
 * item on an async HTTP client ({@code httpx.AsyncClient}, {@code aiohttp.ClientSession}: {@code get}/{@code head}/
 * {@code options} or {@code request("GET", ...)}), its result collected: {@code results.append(await client.get(u))},
 * {@code r = await client.get(u); results.append(r)}, {@code results[u] = await client.get(u)}, or aiohttp's
 * {@code async with session.get(u) as response: results.append(await response.json())}. The requests are
 * independent by construction: their arguments use the loop variable and names bound outside the loop only (never the
 * collected results), the body has nothing else (no sleep, no test, no {@code break}, no write), the loop has no
 * {@code else}. Each request waits for the previous one; {@code asyncio.gather} with a semaphore, or a
 * {@code TaskGroup}, runs them concurrently.
 */
@Rule(key = "SequentialAwaitInLoop")
public class SequentialAwaitInLoopCheck extends BackendReviewCheck {

  private static final Set<String> READ_METHODS = Set.of("get", "head", "options");
  private static final Set<String> COLLECTORS = Set.of("append", "add");
  private static final Set<String> RESPONSE_READS = Set.of("json", "text", "read");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FOR_STMT, SequentialAwaitInLoopCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    ForStatement loop = (ForStatement) ctx.syntaxNode();
    if (loop.isAsync() || loop.elseClause() != null || loop.expressions().size() != 1 || !(loop.expressions().get(0) instanceof Name item)
      || item.symbolV2() == null) {
      return;
    }
    FunctionDef coroutine = AsyncContext.enclosingCoroutine(loop);
    if (coroutine == null || Trees.enclosingFunction(loop) != coroutine) {
      return;
    }
    List<Statement> body = loop.body().statements();
    Optional<Expression> reported = collectedAwait(body).map(Expression.class::cast).or(() -> aiohttpContext(body));
    if (reported.isEmpty()) {
      return;
    }
    CallExpression request = (CallExpression) Trees.skipParentheses(reported.get() instanceof AwaitExpression await ? await.expression() : reported.get());
    if (!isIndependent(request, item, loop)) {
      return;
    }
    ctx.addIssue(reported.get(), "Run these independent requests concurrently with \"asyncio.gather\" (bounded by a semaphore) or a TaskGroup: "
      + "each \"" + SourceText.call(request) + "\" waits for the previous one.")
      .secondary(loop.forKeyword(), "Sequential loop");
  }

  /**
   * The awaited read request of {@code results.append(await r)}, {@code results[k] = await r}, or of
   * {@code x = await r} followed by {@code results.append(x)}; empty for any other body.
   */
  private static Optional<AwaitExpression> collectedAwait(List<Statement> body) {
    return collectedAwait(body, SequentialAwaitInLoopCheck::isReadRequest);
  }

  private static Optional<AwaitExpression> collectedAwait(List<Statement> body, java.util.function.Predicate<AwaitExpression> isReadRequest) {
    if (body.size() == 1 && body.get(0) instanceof ExpressionStatement statement && statement.expressions().size() == 1
      && collected(statement.expressions().get(0)) instanceof AwaitExpression await && isReadRequest.test(await)) {
      return Optional.of(await);
    }
    if (body.size() == 1 && body.get(0) instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().get(0) instanceof SubscriptionExpression target && target.object() instanceof Name
      && Trees.skipParentheses(assignment.assignedValue()) instanceof AwaitExpression await && isReadRequest.test(await)) {
      return Optional.of(await);
    }
    if (body.size() == 2 && body.get(0) instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name result
      && Trees.skipParentheses(assignment.assignedValue()) instanceof AwaitExpression await && isReadRequest.test(await)
      && body.get(1) instanceof ExpressionStatement statement && statement.expressions().size() == 1
      && collected(statement.expressions().get(0)) instanceof Name collectedName && collectedName.name().equals(result.name())) {
      return Optional.of(await);
    }
    return Optional.empty();
  }

  /**
   * aiohttp's {@code async with session.get(u) as response: results.append(await response.json())} (or
   * {@code data = await response.json(); results.append(data)}): the request call.
   */
  private static Optional<Expression> aiohttpContext(List<Statement> body) {
    if (body.size() != 1 || !(body.get(0) instanceof WithStatement with) || !with.isAsync() || with.withItems().size() != 1
      || !(with.withItems().get(0).expression() instanceof Name response)
      || !(Trees.skipParentheses(with.withItems().get(0).test()) instanceof CallExpression request)
      || !isReadRequest(request)) {
      return Optional.empty();
    }
    Optional<AwaitExpression> read = collectedAwait(with.statements().statements(), await -> isResponseRead(await, response));
    return read.isPresent() ? Optional.of(request) : Optional.empty();
  }

  /** {@code await response.json()}, {@code .text()}, {@code .read()} on the response of the {@code async with}. */
  private static boolean isResponseRead(AwaitExpression await, Name response) {
    return Trees.skipParentheses(await.expression()) instanceof CallExpression call && Trees.skipParentheses(call.callee()) instanceof QualifiedExpression q
      && q.qualifier() instanceof Name receiver && receiver.name().equals(response.name()) && RESPONSE_READS.contains(q.name().name());
  }

  /** The single argument of {@code <name>.append(x)}/{@code <name>.add(x)}, or null. */
  private static Expression collected(Expression expression) {
    if (Trees.skipParentheses(expression) instanceof CallExpression call && Trees.skipParentheses(call.callee()) instanceof QualifiedExpression q
      && COLLECTORS.contains(q.name().name()) && q.qualifier() instanceof Name && call.arguments().size() == 1
      && call.arguments().get(0) instanceof RegularArgument argument && argument.keywordArgument() == null) {
      return Trees.skipParentheses(argument.expression());
    }
    return null;
  }

  /** {@code client.get(...)}, {@code client.head(...)}, {@code client.request("GET", ...)} on an async HTTP client. */
  private static boolean isReadRequest(AwaitExpression await) {
    return Trees.skipParentheses(await.expression()) instanceof CallExpression call && isReadRequest(call);
  }

  private static boolean isReadRequest(CallExpression call) {
    if (!(Trees.skipParentheses(call.callee()) instanceof QualifiedExpression callee)) {
      return false;
    }
    String method = callee.name().name();
    boolean read = READ_METHODS.contains(method) || "request".equals(method)
      && Arguments.value(call, 0, "method").flatMap(Literals::stringValue).map(m -> m.toUpperCase(Locale.ROOT)).filter(READ_METHODS
        .stream().map(m -> m.toUpperCase(Locale.ROOT)).toList()::contains).isPresent();
    return read && ClientObjects.isA(callee.qualifier(), ClientObjects.HTTPX_ASYNC_CLIENT, ClientObjects.AIOHTTP_SESSION);
  }

  /**
   * The request uses the loop variable, and every other name it reads is bound outside the loop (so no iteration
   * feeds the next one); the client itself is not rebound in the loop.
   */
  private static boolean isIndependent(CallExpression request, Name item, ForStatement loop) {
    boolean[] usesItem = {false};
    boolean[] dependent = {false};
    Set<String> collections = new java.util.HashSet<>();
    Trees.walk(loop.body(), t -> true, t -> {
      if (t instanceof QualifiedExpression q && COLLECTORS.contains(q.name().name()) && q.qualifier() instanceof Name collection) {
        collections.add(collection.name());
      } else if (t instanceof SubscriptionExpression s && s.object() instanceof Name collection && s.parent() != null
        && s.parent().parent() instanceof AssignmentStatement) {
        collections.add(collection.name());
      }
    });
    Trees.walk(request, t -> true, t -> {
      if (t instanceof Name name && name.symbolV2() != null) {
        SymbolV2 symbol = name.symbolV2();
        if (collections.contains(name.name())) {
          dependent[0] = true;
        } else if (symbol == item.symbolV2()) {
          usesItem[0] = true;
        } else if (symbol.usages().stream().anyMatch(u -> u.isBindingUsage() && Trees.isAncestorOrSelf(loop, u.tree()))) {
          dependent[0] = true;
        }
      }
    });
    return usesItem[0] && !dependent[0] && Fqns.receiver(request).isPresent();
  }
}
