/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext.Helpers;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.asyncio.BlockingCalls;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A coroutine calls a sync helper of the same module that blocks (HTTP with
 * {@code requests}/{@code httpx.Client}/{@code urllib}, {@code time.sleep}, {@code subprocess}, or a blocking
 * database/cache/queue/SDK client), directly or through further helpers. SonarPython's S7487/S7488/S7499 and
 * {@code BlockingClientInAsyncFunction} see only calls written in the coroutine itself.
 */
@Rule(key = "BlockingHelperInAsyncFunction")
public class BlockingHelperInAsyncFunctionCheck extends BackendReviewCheck {

  private static final Set<String> SUBPROCESS = PythonApi.WAITING_SUBPROCESS.fqns();

  @Override
  protected void register(Context context) {
    // per file: the helper cache lives in this call only (check instances are shared between threads)
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> {
      Helpers<String> helpers = new Helpers<>(BlockingHelperInAsyncFunctionCheck::blocking);
      for (FunctionDef function : AsyncContext.coroutines(AnalysisContext.of(ctx))) {
        check(ctx, function, helpers);
      }
    });
  }

  static Optional<String> blocking(CallExpression call) {
    if (AsyncContext.isAwaited(call)) {
      return Optional.empty();
    }
    Optional<String> found = BlockingCalls.of(call).map(b -> SourceText.call(call));
    if (found.isEmpty()) {
      found = BlockingCalls.blockingHttp(call);
    }
    if (found.isEmpty() && (BlockingCalls.isTimeSleep(call) || Fqns.ofCallee(call).filter(SUBPROCESS::contains).isPresent())) {
      found = Fqns.ofCallee(call).map(f -> f + "()");
    }
    return found;
  }

  private static void check(SubscriptionContext ctx, FunctionDef function, Helpers<String> helpers) {
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (AsyncContext.isAwaited(call) || AsyncContext.isInsideOffloadedArgument(call)) {
        continue;
      }
      helpers.reach(call).ifPresent(path -> report(ctx, function, path.calls(), path.finding()));
    }
  }

  private static void report(SubscriptionContext ctx, FunctionDef function, List<CallExpression> calls, String blockingCall) {
    CallExpression first = calls.get(0);
    String helper = SourceText.call(first);
    var issue = ctx.addIssue(first, "\"" + helper + "\" blocks the event loop because it calls \"" + blockingCall
      + "\": make it a coroutine using an async client, or call it with \"await run_in_threadpool(...)\"/\"asyncio.to_thread(...)\".");
    for (CallExpression intermediate : calls.subList(1, calls.size() - 1)) {
      issue.secondary(intermediate, "Called from the helper");
    }
    issue.secondary(calls.get(calls.size() - 1), "Blocking call");
    issue.secondary(function.asyncKeyword(), "Coroutine running on the event loop");
  }
}
