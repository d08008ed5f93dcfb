/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.asyncio.AwaitableCalls;
import org.backendreview.semantics.asyncio.BlockingCalls;
import org.backendreview.semantics.asyncio.BlockingCalls.Blocking;
import org.backendreview.semantics.http.ClientObjects;
import org.backendreview.semantics.sqlalchemy.SessionScopes;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WithItem;
import org.sonar.plugins.python.api.tree.WithStatement;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * Blocking database, cache, queue, mail and SDK clients called from a coroutine (sync SQLAlchemy sessions,
 * project {@code @contextmanager} functions yielding a sync session ({@code with session_scope() as s:}, also from
 * another module), DB-API drivers, {@code redis.Redis}, kafka-python, smtplib, boto3, sync OpenAI/Anthropic/LiteLLM). One issue per client
 * and coroutine, on the first blocking call, with the other calls as secondary locations.
 */
@Rule(key = "BlockingClientInAsyncFunction")
public class BlockingClientInAsyncFunctionCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, BlockingClientInAsyncFunctionCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    if (!AsyncContext.isAsync(function)) {
      return;
    }
    Map<String, List<Blocking>> byClient = new LinkedHashMap<>();
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (AsyncContext.isAwaited(call) || AsyncContext.isInsideOffloadedArgument(call)) {
        continue;
      }
      Optional<Blocking> blocking = BlockingCalls.of(call)
        // sqlite3.connect(...).execute(...): one finding, on the connect
        .filter(b -> !(b.client() != null && Trees.skipParentheses(b.client()) instanceof CallExpression inner && BlockingCalls.of(inner).isPresent()));
      if (blocking.isEmpty()) {
        blocking = sessionHandedOver(call);
      }
      if (blocking.isEmpty() && isSyncWithItem(call)) {
        Optional<String> factory = SessionScopes.syncSessionYieldedBy(call, ctx);
        if (factory.isPresent()) {
          ctx.addIssue(call, "\"" + describe(call) + "\" opens a synchronous SQLAlchemy Session (it yields \"" + factory.get()
            + "\"): its queries and commit block the event loop. Use an AsyncSession with \"async with\" and \"await\", or run "
            + "this block in a thread with \"run_in_threadpool\"/\"asyncio.to_thread\".")
            .secondary(function.asyncKeyword(), "Coroutine running on the event loop");
          continue;
        }
      }
      blocking.ifPresent(b -> byClient.computeIfAbsent(clientKey(b), k -> new ArrayList<>()).add(b));
    }
    for (List<Blocking> calls : byClient.values()) {
      Blocking first = calls.get(0);
      String what = describe(first.call());
      String problem = isHandOver(first) ? "\"" + what + "\" queries through the synchronous session \"" + SourceText.of(first.client())
        + "\" and blocks the event loop" : "\"" + what + "\" blocks the event loop";
      var issue = ctx.addIssue(first.call(), problem + ": use " + first.alternative()
        + ", or run this code in a thread with \"run_in_threadpool\"/\"asyncio.to_thread\".");
      issue.secondary(function.asyncKeyword(), "Coroutine running on the event loop");
      for (Blocking other : calls.subList(1, calls.size())) {
        issue.secondary(other.call(), "Also blocks: " + describe(other.call()));
      }
    }
  }

  /**
   * {@code user_service.get_user(db, user_id)} in a coroutine, with {@code db} a synchronous SQLAlchemy session: the
   * callee queries through it on the event loop (the FastAPI pattern of async routes calling sync services). Not for
   * constructors ({@code Repository(db)}) nor builtins.
   */
  private static Optional<Blocking> sessionHandedOver(CallExpression call) {
    PythonType calleeType = call.callee().typeV2();
    Optional<String> fqn = Fqns.ofCallee(call);
    if (calleeType instanceof ClassType || fqn.filter(f -> f.indexOf('.') < 0).isPresent() && call.callee() instanceof Name
      || AwaitableCalls.of(call).isPresent()) {
      return Optional.empty();
    }
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && Trees.skipParentheses(regular.expression()) instanceof Name name
        && ClientObjects.isA(name, ClientObjects.SA_SESSION)) {
        return Optional.of(new Blocking(call, "the synchronous SQLAlchemy Session", "AsyncSession with \"await\"", name));
      }
    }
    return Optional.empty();
  }

  /** The context expression of a {@code with} (not {@code async with}) item. */
  private static boolean isSyncWithItem(CallExpression call) {
    return call.parent() instanceof WithItem item && item.test() == call && item.parent() instanceof WithStatement with && !with.isAsync();
  }

  private static boolean isHandOver(Blocking blocking) {
    return blocking.call().arguments().stream()
      .anyMatch(a -> a instanceof RegularArgument regular && Trees.skipParentheses(regular.expression()) == blocking.client());
  }

  private static String clientKey(Blocking blocking) {
    Expression client = blocking.client();
    if (client == null) {
      return "function:" + blocking.api();
    }
    Expression expr = Trees.skipParentheses(client);
    return expr instanceof Name name ? "name:" + name.name() : "api:" + blocking.api();
  }

  private static String describe(CallExpression call) {
    return SourceText.call(call);
  }
}
