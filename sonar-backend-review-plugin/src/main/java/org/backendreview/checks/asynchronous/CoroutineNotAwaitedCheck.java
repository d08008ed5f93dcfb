/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.asyncio.AwaitableCalls;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WhileStatement;

/**
 * The coroutine returned by an {@code async def} or an async API ({@code AsyncSession.commit()},
 * {@code AsyncClient.post()}, {@code AIOKafkaProducer.send()}, {@code Request.json()}) is discarded as a statement, or
 * tested as a condition (a coroutine object is always truthy): the call never runs.
 */
@Rule(key = "CoroutineNotAwaited")
public class CoroutineNotAwaitedCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, CoroutineNotAwaitedCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Use use = use(call);
    if (use == Use.OTHER) {
      return;
    }
    Optional<String> awaitable = AwaitableCalls.of(call);
    if (awaitable.isEmpty()) {
      return;
    }
    String text = SourceText.call(call);
    PreciseIssue issue = use == Use.DISCARDED
      ? ctx.addIssue(call, "Await \"" + text + "\": without \"await\" the coroutine is created and never runs.")
      : ctx.addIssue(call, "Await \"" + text + "\" before testing its result: a coroutine object is always true.");
    if (inAsyncFunctionBody(call)) {
      issue.addQuickFix(PythonQuickFix.newQuickFix("Add \"await\"", TextEdits.insertBefore(call, "await ")));
    }
  }

  private enum Use {
    DISCARDED, TESTED, OTHER
  }

  private static Use use(CallExpression call) {
    Tree child = AsyncContext.outermostParentheses(call);
    Tree parent = child.parent();
    if (parent == null) {
      return Use.OTHER;
    }
    if (parent.is(Tree.Kind.EXPRESSION_STMT)) {
      return Use.DISCARDED;
    }
    if (parent.is(Tree.Kind.NOT)
      || parent instanceof org.sonar.plugins.python.api.tree.BinaryExpression binary && parent.is(Tree.Kind.AND, Tree.Kind.OR) && binary.leftOperand() == child) {
      return Use.TESTED;
    }
    if (parent instanceof IfStatement ifStatement && ifStatement.condition() == child
      || parent instanceof WhileStatement whileStatement && whileStatement.condition() == child
      || parent instanceof ConditionalExpression conditional && conditional.condition() == child) {
      return Use.TESTED;
    }
    return Use.OTHER;
  }

  /** "await" is allowed here: the nearest enclosing function is an {@code async def} (not a lambda, not a nested {@code def}). */
  private static boolean inAsyncFunctionBody(Tree tree) {
    Tree scope = Trees.firstAncestor(tree, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA);
    return scope instanceof FunctionDef function && function.asyncKeyword() != null;
  }
}
