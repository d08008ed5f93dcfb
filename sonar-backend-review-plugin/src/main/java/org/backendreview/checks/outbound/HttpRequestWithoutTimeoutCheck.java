/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.http.HttpLibraries;
import org.backendreview.semantics.http.OutboundClients;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.ValueResolver;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * NET-01: outbound HTTP calls that can wait forever: requests functions and {@code requests.Session} methods without
 * {@code timeout}, {@code aiohttp.ClientSession} without {@code ClientTimeout} (5 minutes by default) or with a
 * {@code ClientTimeout()} that sets no limit, {@code urllib.request.urlopen}/{@code OpenerDirector.open} and
 * {@code http.client} connections without timeout, and httpx with an explicit {@code timeout=None} (httpx's 5 s default
 * is respected).
 */
@Rule(key = "HttpRequestWithoutTimeout")
public class HttpRequestWithoutTimeoutCheck extends BackendReviewCheck {

  static final String QUICK_FIX_VALUE = "timeout=10";
  private static final Set<String> SESSION_CUSTOMISING_ATTRIBUTES = Set.of("request", "send", "get", "post");

  private static final AnalysisContext.Key<SessionFacts> SESSION_FACTS = AnalysisContext.Key.of("requests session customisation");

  /**
   * @param customisedReceivers receivers of {@code x.mount(...)} and of assignments to {@code x.request}: sessions
   *   customised with an adapter
   * @param receiversWithTimeout receivers of calls that pass {@code timeout=...} (per-request timeouts on a session)
   */
  private record SessionFacts(List<Expression> customisedReceivers, List<Expression> receiversWithTimeout) {
    static SessionFacts of(AnalysisContext file) {
      List<Expression> customisedReceivers = new ArrayList<>();
      List<Expression> receiversWithTimeout = new ArrayList<>();
      for (CallExpression call : file.calls()) {
        Optional<Expression> receiver = Fqns.receiver(call);
        if (receiver.isPresent() && Fqns.calleeName(call).filter("mount"::equals).isPresent()) {
          customisedReceivers.add(receiver.get());
        }
        if (receiver.isPresent() && Arguments.keyword(call, "timeout").filter(a -> !Literals.isNone(a.expression())).isPresent()) {
          receiversWithTimeout.add(receiver.get());
        }
      }
      for (AssignmentStatement assignment : file.assignments()) {
        for (ExpressionList lhs : assignment.lhsExpressions()) {
          for (Expression target : lhs.expressions()) {
            if (target instanceof QualifiedExpression q && SESSION_CUSTOMISING_ATTRIBUTES.contains(q.name().name())) {
              customisedReceivers.add(q.qualifier());
            }
          }
        }
      }
      return new SessionFacts(customisedReceivers, receiversWithTimeout);
    }
  }

  private ValueResolver resolver;
  private boolean defaultSocketTimeout;
  private List<Expression> customisedReceivers;
  private List<Expression> receiversWithTimeout;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkCall);
  }

  /** The file's facts, from its analysis context (shared with the other checks, computed once per file). */
  private void useFile(SubscriptionContext ctx) {
    AnalysisContext file = AnalysisContext.of(ctx);
    resolver = file.values();
    defaultSocketTimeout = OutboundClients.setsDefaultSocketTimeout(file);
    SessionFacts facts = file.fact(SESSION_FACTS, SessionFacts::of);
    customisedReceivers = facts.customisedReceivers();
    receiversWithTimeout = facts.receiversWithTimeout();
  }

  private void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    useFile(ctx);
    if (isInLambdaHandler(call)) {
      // AWS Lambda handlers are covered by SonarPython S7618
      return;
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    Optional<String> requestsVerb = OutboundClients.requestsFunction(call);
    if (requestsVerb.isPresent()) {
      if (!OutboundClients.mayPass(call, -1, "timeout")) {
        reportMissing(ctx, call, "Pass a timeout to this \"requests." + requestsVerb.get() + "()\" call: requests waits forever by default.");
      } else if (OutboundClients.isNoneArgument(call, -1, "timeout")) {
        ctx.addIssue(timeoutArgument(call), "Replace \"timeout=None\" with a timeout in seconds: requests then waits forever.");
      }
      return;
    }
    if (fqn.filter(HttpLibraries.HTTPX_TIMEOUT::contains).isPresent()) {
      checkHttpxTimeout(ctx, call);
      return;
    }
    if (fqn.filter(HttpLibraries.AIOHTTP_TIMEOUT::contains).isPresent()) {
      checkAiohttpTimeout(ctx, call);
      return;
    }
    if (OutboundClients.isAiohttpSessionCreation(call)) {
      checkAiohttpSession(ctx, call);
      return;
    }
    if (fqn.filter(HttpLibraries.AIOHTTP_REQUEST::contains).isPresent()) {
      if (!OutboundClients.mayPass(call, -1, "timeout")) {
        reportMissing(ctx, call, "Pass \"timeout=aiohttp.ClientTimeout(...)\" to \"aiohttp.request()\": its default allows 5 minutes per request.");
      }
      return;
    }
    if (!defaultSocketTimeout && checkSocketDefaultClients(ctx, call, fqn)) {
      return;
    }
    if (OutboundClients.httpxFunction(call).isPresent() || OutboundClients.isHttpxClientCreation(call)) {
      reportExplicitNone(ctx, call, "httpx");
      return;
    }
    checkClientMethod(ctx, call);
  }

  /** urllib and http.client use the global socket timeout, which is "none" unless set. True when the call was one of them. */
  private static boolean checkSocketDefaultClients(SubscriptionContext ctx, CallExpression call, Optional<String> fqn) {
    if (fqn.filter(HttpLibraries.URLOPEN::contains).isPresent()) {
      if (!OutboundClients.mayPass(call, 2, "timeout")) {
        reportMissing(ctx, call, "Pass a timeout to \"urlopen()\": without one it waits forever for a slow or silent server.");
      }
      return true;
    }
    if (fqn.filter(HttpLibraries.OPENER_OPEN::contains).isPresent()) {
      if (!OutboundClients.mayPass(call, 2, "timeout")) {
        reportMissing(ctx, call, "Pass a timeout to this opener's \"open()\": without one it waits forever for a slow or silent server.");
      }
      return true;
    }
    boolean httpConnection = fqn.filter(HttpLibraries.HTTP_CONNECTION::contains).isPresent();
    if (httpConnection || fqn.filter(HttpLibraries.HTTPS_CONNECTION::contains).isPresent()) {
      // HTTPSConnection took key_file/cert_file positionally before timeout until Python 3.12
      if (!OutboundClients.mayPass(call, httpConnection ? 2 : 4, "timeout")) {
        String name = httpConnection ? "HTTPConnection" : "HTTPSConnection";
        reportMissing(ctx, call, "Pass a timeout to this \"" + name + "\": without one it waits forever for a slow or silent server.");
      }
      return true;
    }
    return false;
  }

  /** {@code session.get(url)} on a requests Session; {@code timeout=None} on httpx/aiohttp client methods. */
  private void checkClientMethod(SubscriptionContext ctx, CallExpression call) {
    Optional<List<Expression>> session = OutboundClients.requestsSessionReceiver(call, resolver, ctx);
    if (session.isPresent()) {
      String verb = Fqns.calleeName(call).orElse("request");
      int timeoutPosition = "request".equals(verb) ? 8 : -1;
      if (OutboundClients.mayPass(call, timeoutPosition, "timeout")) {
        if (OutboundClients.isNoneArgument(call, timeoutPosition, "timeout")) {
          ctx.addIssue(timeoutArgument(call), "Replace \"timeout=None\" with a timeout in seconds: requests then waits forever.");
        }
        return;
      }
      if (isCustomised(session.get(), ctx)) {
        return;
      }
      PreciseIssue issue = reportMissing(ctx, call, "Pass a timeout to \"" + Fqns.receiver(call).map(HttpRequestWithoutTimeoutCheck::text).orElse("session")
        + "." + verb + "()\": a requests Session has no default timeout and waits forever.");
      for (Expression origin : session.get()) {
        issue.secondary(origin, "Session created here, without a default timeout");
      }
      return;
    }
    Optional<Expression> receiver = Fqns.receiver(call);
    if (receiver.isEmpty() || Fqns.calleeName(call).filter(n -> OutboundClients.HTTP_METHODS.contains(n) || "stream".equals(n)).isEmpty()
      || !OutboundClients.isNoneArgument(call, -1, "timeout")) {
      return;
    }
    List<Expression> values = resolver.origins(receiver.get(), ctx);
    if (!values.isEmpty() && values.stream().allMatch(OutboundClients::isHttpxClientCreation)) {
      reportExplicitNone(ctx, call, "httpx");
    } else if (!values.isEmpty() && values.stream().allMatch(OutboundClients::isAiohttpSessionCreation)) {
      reportExplicitNone(ctx, call, "aiohttp");
    }
  }

  private boolean isCustomised(List<Expression> sessionOrigins, SubscriptionContext ctx) {
    if (sessionOrigins.isEmpty()) {
      // known by its annotation only: where it was created is not visible, so neither is its configuration
      return true;
    }
    for (Expression receiver : customisedReceivers) {
      if (!Collections.disjoint(resolver.origins(receiver, ctx), sessionOrigins)) {
        return true;
      }
    }
    return false;
  }

  private void checkAiohttpSession(SubscriptionContext ctx, CallExpression call) {
    if (OutboundClients.mayPass(call, -1, "timeout")) {
      if (OutboundClients.isNoneArgument(call, -1, "timeout")) {
        ctx.addIssue(timeoutArgument(call), "Replace \"timeout=None\" with \"aiohttp.ClientTimeout(...)\": this session then waits forever.");
      }
      return;
    }
    for (Expression receiver : receiversWithTimeout) {
      if (resolver.origins(receiver, ctx).contains(call)) {
        // each request sets its own timeout
        return;
      }
    }
    ctx.addIssue(call.callee(), "Pass \"timeout=aiohttp.ClientTimeout(...)\" to this ClientSession: its default allows 5 minutes per request.");
  }

  /** {@code aiohttp.ClientTimeout()} without any limit. */
  private static void checkAiohttpTimeout(SubscriptionContext ctx, CallExpression call) {
    if (Arguments.hasUnpacking(call)) {
      return;
    }
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && !Literals.isNone(regular.expression())) {
        return;
      }
    }
    ctx.addIssue(call, "Set \"total\" or \"sock_read\" in this ClientTimeout: without them requests wait forever.");
  }

  /** {@code httpx.Timeout(None)} without any other limit. */
  private static void checkHttpxTimeout(SubscriptionContext ctx, CallExpression call) {
    if (Arguments.hasUnpacking(call) || call.arguments().isEmpty()) {
      return;
    }
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && !Literals.isNone(regular.expression())) {
        return;
      }
    }
    ctx.addIssue(call, "Give this httpx.Timeout a limit in seconds: \"Timeout(None)\" lets requests wait forever.");
  }

  private static void reportExplicitNone(SubscriptionContext ctx, CallExpression call, String library) {
    if (OutboundClients.isNoneArgument(call, -1, "timeout")) {
      ctx.addIssue(timeoutArgument(call), "Replace \"timeout=None\" with a timeout in seconds: it disables " + library + "'s default timeout.");
    }
  }

  private static Tree timeoutArgument(CallExpression call) {
    return Arguments.keyword(call, "timeout").map(Tree.class::cast).orElse(call);
  }

  private static PreciseIssue reportMissing(SubscriptionContext ctx, CallExpression call, String message) {
    PreciseIssue issue = ctx.addIssue(call.callee(), message);
    if (!Arguments.hasUnpacking(call)) {
      issue.addQuickFix(PythonQuickFix.newQuickFix("Add \"" + QUICK_FIX_VALUE + "\"", TextEdits.appendArgument(call, QUICK_FIX_VALUE)));
    }
    return issue;
  }

  /** A function with the parameters {@code (event, context)}: an AWS Lambda handler. */
  private static boolean isInLambdaHandler(Tree tree) {
    FunctionDef function = Trees.nearestFunctionDef(tree);
    if (function == null || function.parameters() == null) {
      return false;
    }
    List<Parameter> parameters = function.parameters().nonTuple();
    return parameters.size() == 2 && parameters.get(0).name() != null && parameters.get(1).name() != null
      && "event".equals(parameters.get(0).name().name()) && "context".equals(parameters.get(1).name().name());
  }

  /** Source-like text of a dotted name ({@code self.session}); "session" for anything else. */
  private static String text(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof QualifiedExpression q) {
      return text(q.qualifier()) + "." + q.name().name();
    }
    return expr instanceof org.sonar.plugins.python.api.tree.Name name ? name.name() : "session";
  }
}
