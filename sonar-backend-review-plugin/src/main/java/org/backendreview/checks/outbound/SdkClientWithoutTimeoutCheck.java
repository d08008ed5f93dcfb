/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.http.OutboundClients;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.http.OutboundClients.TimeoutApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.ValueResolver;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
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
public class SdkClientWithoutTimeoutCheck extends BackendReviewCheck {

  private ValueResolver resolver;
  private boolean defaultSocketTimeout;
  private boolean litellmTimeoutSet;
  /** Calls that pass {@code timeout=...}: an LLM client configured per request ({@code client.with_options(timeout=...)}). */
  private List<CallExpression> callsWithTimeout;

  private static final AnalysisContext.Key<List<CallExpression>> CALLS_WITH_TIMEOUT = AnalysisContext.Key.of("calls passing timeout=");
  private static final AnalysisContext.Key<Boolean> LITELLM_TIMEOUT = AnalysisContext.Key.of("litellm.request_timeout set");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkCall);
  }

  /** The file's facts, from its analysis context (shared with the other checks, computed once per file). */
  private void useFile(SubscriptionContext ctx) {
    AnalysisContext file = AnalysisContext.of(ctx);
    resolver = file.values();
    defaultSocketTimeout = OutboundClients.setsDefaultSocketTimeout(file);
    callsWithTimeout = file.fact(CALLS_WITH_TIMEOUT, c -> c.calls().stream()
      .filter(call -> Arguments.keyword(call, "timeout").filter(a -> !Literals.isNone(a.expression())).isPresent()).toList());
    litellmTimeoutSet = file.fact(LITELLM_TIMEOUT, c -> c.assignments().stream()
      .flatMap(assignment -> assignment.lhsExpressions().stream())
      .flatMap(lhs -> lhs.expressions().stream())
      .anyMatch(target -> target instanceof QualifiedExpression q && "request_timeout".equals(q.name().name())
        && Fqns.of(q.qualifier()).filter("litellm"::equals).isPresent()));
  }

  private void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    useFile(ctx);
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
      if (root != null && resolver.origins(root, ctx).contains(creation)) {
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
      if (ValueResolver.isSelf(qualifier)) {
        return qualified;
      }
      current = qualifier;
    }
    return current == call.callee() ? null : current;
  }
}
