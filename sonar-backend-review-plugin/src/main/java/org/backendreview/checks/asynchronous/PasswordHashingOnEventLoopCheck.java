/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext.Helpers;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.asyncio.BlockingCalls;
import org.backendreview.semantics.asyncio.PasswordHelpers;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Password hashing or verification (bcrypt, passlib, argon2, pwdlib, PBKDF2, scrypt, Django/Werkzeug hashers)
 * run on the event loop, directly in a coroutine or through sync helpers such as {@code verify_password()}, of the same
 * module or imported from another project module ({@link PasswordHelpers}).
 * These functions are slow on purpose (tens to hundreds of milliseconds of CPU): every other request waits meanwhile.
 */
@Rule(key = "PasswordHashingOnEventLoop")
public class PasswordHashingOnEventLoopCheck extends BackendReviewCheck {

  private static final String FIX = "run it in a thread with \"await run_in_threadpool(...)\" or \"await asyncio.to_thread(...)\".";

  @Override
  protected void register(Context context) {
    // per file: the helper cache lives in this call only (check instances are shared between threads)
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> {
      Helpers<String> helpers = new Helpers<>(BlockingCalls::passwordHashing);
      for (FunctionDef function : AsyncContext.coroutines(AnalysisContext.of(ctx))) {
        check(ctx, function, helpers);
      }
    });
  }

  private static void check(SubscriptionContext ctx, FunctionDef function, Helpers<String> helpers) {
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (AsyncContext.isAwaited(call) || AsyncContext.isInsideOffloadedArgument(call)) {
        continue;
      }
      Optional<String> direct = BlockingCalls.passwordHashing(call);
      if (direct.isPresent()) {
        ctx.addIssue(call, "\"" + SourceText.call(call) + "\" hashes a password on the event loop: " + FIX)
          .secondary(function.asyncKeyword(), "Coroutine running on the event loop");
        continue;
      }
      Optional<PasswordHelpers.Found> imported = PasswordHelpers.of(call, ctx);
      if (imported.isPresent()) {
        ctx.addIssue(call, "\"" + SourceText.call(call) + "\" hashes a password on the event loop (\"" + imported.get().helper()
          + "\" calls \"" + imported.get().hashing() + "\"): " + FIX)
          .secondary(function.asyncKeyword(), "Coroutine running on the event loop");
        continue;
      }
      helpers.reach(call).ifPresent(path -> {
        var issue = ctx.addIssue(call, "\"" + SourceText.call(call) + "\" hashes a password on the event loop (it calls \""
          + SourceText.call(path.offending()) + "\"): " + FIX);
        for (CallExpression intermediate : path.calls().subList(1, path.calls().size() - 1)) {
          issue.secondary(intermediate, "Called from the helper");
        }
        issue.secondary(path.offending(), "Password hashing");
        issue.secondary(function.asyncKeyword(), "Coroutine running on the event loop");
      });
    }
  }
}
