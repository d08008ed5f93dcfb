/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.http.OutboundClients;
import org.backendreview.semantics.messaging.MessagingApi;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ComprehensionExpression;
import org.sonar.plugins.python.api.tree.DictCompExpression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;
import org.sonar.plugins.python.api.tree.WhileStatement;

/**
 * NET-05: connections that are not reused: requests/httpx module functions called in a loop (each call opens a new
 * connection) and HTTP/Redis/boto3 clients created inside a loop body.
 */
@Rule(key = "ConnectionNotReusedInLoop")
public class ConnectionNotReusedInLoopCheck extends BackendReviewCheck {

  private static final Set<String> REDIS_CLIENTS = Api.anyOf(MessagingApi.REDIS_CLIENT, MessagingApi.ASYNC_REDIS_CLIENT, MessagingApi.REDIS_FROM_URL).fqns();
  private static final Set<String> BOTO3_CLIENTS = Set.of("boto3.client", "boto3.resource");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, ConnectionNotReusedInLoopCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<String> requestsVerb = OutboundClients.requestsFunction(call);
    Optional<String> httpxVerb = requestsVerb.isPresent() ? Optional.empty() : OutboundClients.httpxFunction(call);
    String client = clientCreated(call);
    if (requestsVerb.isEmpty() && httpxVerb.isEmpty() && client == null) {
      return;
    }
    Tree loop = Trees.enclosingLoop(call);
    if (loop == null || isRetryOfOneRequest(call, loop) || client != null && isCollected(call)) {
      return;
    }
    PreciseIssue issue;
    if (requestsVerb.isPresent()) {
      issue = ctx.addIssue(call.callee(), "Send these repeated requests through one \"requests.Session()\" created before the loop: each \"requests."
        + requestsVerb.get() + "()\" opens a new connection.");
    } else if (httpxVerb.isPresent()) {
      issue = ctx.addIssue(call.callee(), "Send these repeated requests through one \"httpx.Client()\" created before the loop: each \"httpx."
        + httpxVerb.get() + "()\" opens a new connection.");
    } else {
      issue = ctx.addIssue(call.callee(), "Create this " + client + " once, before the loop: a new client per iteration opens new connections "
        + "and discards its pool.");
    }
    Token keyword = loopKeyword(loop);
    if (keyword != null) {
      issue.secondary(keyword, "Loop");
    }
  }

  /**
   * The call is the operation of a retry loop: a {@code try} inside the loop that leaves it when the request succeeds
   * ({@code break}/{@code return} at the end of its body) and catches the failure. The loop repeats one request, it does
   * not send many.
   */
  private static boolean isRetryOfOneRequest(CallExpression call, Tree loop) {
    for (Tree current = call.parent(); current != null && current != loop; current = current.parent()) {
      if (current instanceof TryStatement tryStatement && !tryStatement.exceptClauses().isEmpty()) {
        List<Statement> body = tryStatement.body().statements();
        if (body.get(body.size() - 1).is(Tree.Kind.BREAK_STMT, Tree.Kind.RETURN_STMT)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The created client is kept, not discarded: an element of a comprehension ({@code [Redis(host=h) for h in hosts]}),
   * one client per server, or a client returned from the loop (the first server that answers).
   */
  private static boolean isCollected(CallExpression call) {
    Tree parent = call.parent();
    while (parent != null && parent.is(Tree.Kind.PARENTHESIZED)) {
      parent = parent.parent();
    }
    if (parent instanceof ComprehensionExpression comprehension && comprehension.resultExpression() == Trees.skipParentheses(call)
      || parent instanceof KeyValuePair pair && pair.parent() instanceof DictCompExpression) {
      return true;
    }
    // client = Redis(host=node); ...; return client  (the first node that answers is kept)
    if (parent instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name name
      && name.symbolV2() != null) {
      return name.symbolV2().usages().stream().anyMatch(u -> u.tree().parent() != null && u.tree().parent().is(Tree.Kind.RETURN_STMT));
    }
    return false;
  }

  private static String clientCreated(CallExpression call) {
    if (OutboundClients.isRequestsSessionCreation(call)) {
      return "requests Session";
    }
    if (OutboundClients.isHttpxClientCreation(call)) {
      return "httpx client";
    }
    if (OutboundClients.isAiohttpSessionCreation(call)) {
      return "aiohttp ClientSession";
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.filter(REDIS_CLIENTS::contains).isPresent()) {
      return "Redis client";
    }
    return fqn.filter(BOTO3_CLIENTS::contains).map(f -> "boto3 client").orElse(null);
  }

  private static Token loopKeyword(Tree loop) {
    if (loop instanceof ForStatement forStatement) {
      return forStatement.forKeyword();
    }
    if (loop instanceof WhileStatement whileStatement) {
      return whileStatement.whileKeyword();
    }
    return null;
  }
}
