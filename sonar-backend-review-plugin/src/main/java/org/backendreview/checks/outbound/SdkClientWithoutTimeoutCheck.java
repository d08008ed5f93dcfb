/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.semantics.http.OutboundClients;
import org.backendreview.semantics.http.OutboundClients.TimeoutApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Origins;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * NET-02: SDK and infrastructure clients without a timeout: LLM SDK clients (OpenAI, Anthropic) and LiteLLM calls
 * (10 minutes by default), redis clients (no socket timeout), smtplib/ftplib/imaplib/poplib connections (the global
 * socket default, none unless set). boto3 clients are not reported: botocore's defaults are finite (60 s to connect,
 * 60 s per read). {@code redis.from_url(url)} is reported only for a literal URL: one read from settings may set
 * {@code socket_timeout} itself.
 */
@Rule(key = "SdkClientWithoutTimeout")
public class SdkClientWithoutTimeoutCheck extends PythonSubscriptionCheck {

  private Origins origins;
  private boolean defaultSocketTimeout;
  private boolean litellmTimeoutSet;
  /** Calls that pass {@code timeout=...}: an LLM client configured per request ({@code client.with_options(timeout=...)}). */
  private List<CallExpression> callsWithTimeout;

  @Override
  public void initialize(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, this::startFile);
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkCall);
  }

  private void startFile(SubscriptionContext ctx) {
    FileInput file = (FileInput) ctx.syntaxNode();
    origins = new Origins();
    defaultSocketTimeout = OutboundClients.setsDefaultSocketTimeout(file);
    litellmTimeoutSet = false;
    callsWithTimeout = new ArrayList<>();
    Trees.walk(file, t -> true, t -> {
      if (t instanceof CallExpression call && Arguments.keyword(call, "timeout").filter(a -> !Literals.isNone(a.expression())).isPresent()) {
        callsWithTimeout.add(call);
      } else if (t instanceof AssignmentStatement assignment) {
        for (ExpressionList lhs : assignment.lhsExpressions()) {
          for (Expression target : lhs.expressions()) {
            if (target instanceof QualifiedExpression q && "request_timeout".equals(q.name().name())
              && Fqns.of(q.qualifier()).filter("litellm"::equals).isPresent()) {
              litellmTimeoutSet = true;
            }
          }
        }
      }
    });
  }

  private void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    OutboundClients.sdkTimeoutApi(call).ifPresent(api -> check(ctx, call, api));
  }

  private void check(SubscriptionContext ctx, CallExpression call, TimeoutApi api) {
    if (api.usesSocketDefault() && defaultSocketTimeout || call.arguments().size() < api.minArguments()) {
      return;
    }
    if (api.label().startsWith("\"litellm.") && litellmTimeoutSet) {
      return;
    }
    if (OutboundClients.mayPassTimeout(call, api)) {
      if (OutboundClients.passesNoneTimeout(call, api)) {
        ctx.addIssue(Arguments.keyword(call, api.keywords().get(0)).map(Tree.class::cast).orElse(call),
          "Replace \"" + api.keywords().get(0) + "=None\" with a timeout in seconds: this " + api.label() + " then " + api.defaultBehaviour() + ".");
      }
      return;
    }
    if (configuredPerRequest(call, ctx)) {
      return;
    }
    PreciseIssue issue = ctx.addIssue(call.callee(), "Pass \"" + api.keywords().get(0) + "\" to this " + api.label() + ": its default "
      + api.defaultBehaviour() + ".");
    if (api.quickFixArgument() != null && !Arguments.hasUnpacking(call)) {
      issue.addQuickFix(PythonQuickFix.newQuickFix("Add \"" + api.quickFixArgument() + "\"", TextEdits.appendArgument(call, api.quickFixArgument())));
    }
  }

  /** An LLM client whose requests pass their own timeout: {@code client.with_options(timeout=...)}, {@code create(..., timeout=...)}. */
  private boolean configuredPerRequest(CallExpression creation, SubscriptionContext ctx) {
    for (CallExpression call : callsWithTimeout) {
      Expression root = chainRoot(call);
      if (root != null && origins.of(root, ctx).contains(creation)) {
        return true;
      }
    }
    return false;
  }

  /** The object a method chain starts from: {@code client} in {@code client.chat.completions.create(...)}. */
  private static Expression chainRoot(CallExpression call) {
    Expression current = Trees.skipParentheses(call.callee());
    while (current instanceof QualifiedExpression qualified) {
      Expression qualifier = Trees.skipParentheses(qualified.qualifier());
      if (qualifier instanceof CallExpression inner) {
        qualifier = Trees.skipParentheses(inner.callee());
      }
      if (Origins.isSelf(qualifier)) {
        return qualified;
      }
      current = qualifier;
    }
    return current == call.callee() ? null : current;
  }
}
