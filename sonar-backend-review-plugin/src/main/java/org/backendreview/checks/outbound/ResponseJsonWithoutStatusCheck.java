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
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.InExpression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * NET-04: the JSON body of a requests/httpx/aiohttp response read without checking the status: no
 * {@code raise_for_status()}, no {@code status_code}/{@code ok}/{@code status} test, no {@code if response:}. An error
 * page or an error payload is then parsed and used as if it were the expected data.
 */
@Rule(key = "ResponseJsonWithoutStatus")
public class ResponseJsonWithoutStatusCheck extends BackendReviewCheck {

  private static final Set<String> STATUS_MEMBERS = Set.of("raise_for_status", "status_code", "ok", "status", "is_success", "is_error",
    "is_client_error", "is_server_error", "is_redirect", "reason", "reason_phrase");

  private static final java.util.regex.Pattern ERROR_KEYS = java.util.regex.Pattern.compile(
    "(?i)(error.*|errors?|err|errmsg|success(ful)?|ok|status|stat|code|fault.*|fail.*|exception)");

  private ValueResolver resolver;
  /** The module installs response hooks ({@code session.hooks[...]}, {@code hooks=}, {@code event_hooks=}): they may check the status. */
  private boolean hooks;

  private static final AnalysisContext.Key<Boolean> HOOKS = AnalysisContext.Key.of("response hooks installed");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  /** The file's facts, from its analysis context (shared with the other checks, computed once per file). */
  private void useFile(SubscriptionContext ctx) {
    AnalysisContext file = AnalysisContext.of(ctx);
    resolver = file.values();
    hooks = file.fact(HOOKS, c -> c.qualifiedExpressions().stream().anyMatch(q -> "hooks".equals(q.name().name()))
      || c.calls().stream().anyMatch(call -> Arguments.keyword(call, "hooks").isPresent() || Arguments.keyword(call, "event_hooks").isPresent()
        || Arguments.keyword(call, "raise_for_status").filter(a -> !Literals.booleanValue(a.expression()).equals(Optional.of(false))).isPresent()));
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    useFile(ctx);
    if (hooks || Fqns.calleeName(call).filter("json"::equals).isEmpty() || !call.arguments().isEmpty()) {
      return;
    }
    Optional<Expression> receiver = Fqns.receiver(call);
    if (receiver.isEmpty()) {
      return;
    }
    Expression response = Trees.skipParentheses(receiver.get());
    if (response instanceof Name name) {
      List<Expression> values = resolver.origins(name, ctx);
      if (values.isEmpty() || !values.stream().allMatch(v -> isHttpRequestIn(v, ctx)) || isChecked(name)) {
        return;
      }
      List<CallExpression> reads = jsonReads(name);
      if (!reads.isEmpty() && reads.get(0) != call || reads.stream().anyMatch(ResponseJsonWithoutStatusCheck::payloadTestedForError)) {
        // one finding per response, at its first read; an API that reports errors in the payload is checked there
        return;
      }
    } else if (!isHttpRequestIn(response, ctx) || payloadTestedForError(call)) {
      return;
    }
    ctx.addIssue(call, "Check the status of this response (\"raise_for_status()\") before reading its JSON: an error response would be "
      + "parsed as if it were the expected data.");
  }

  /** {@code requests.get(...)}, {@code session.get(...)} on a requests Session, {@code httpx.get(...)}, a call on an httpx/aiohttp client. */
  private boolean isHttpRequestIn(Expression expression, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof AwaitExpression await) {
      expr = Trees.skipParentheses(await.expression());
    }
    if (!(expr instanceof CallExpression request)) {
      return false;
    }
    if (OutboundClients.requestsFunction(request).isPresent() || OutboundClients.httpxFunction(request).isPresent()) {
      return true;
    }
    Optional<String> verb = Fqns.calleeName(request).filter(OutboundClients.HTTP_METHODS::contains);
    Optional<Expression> client = Fqns.receiver(request);
    if (verb.isEmpty() || client.isEmpty()) {
      return false;
    }
    if (OutboundClients.requestsSessionReceiver(request, resolver, ctx).filter(o -> !o.isEmpty()).isPresent()) {
      return true;
    }
    List<Expression> clients = resolver.origins(client.get(), ctx);
    return !clients.isEmpty() && clients.stream().allMatch(c -> OutboundClients.isHttpxClientCreation(c) || OutboundClients.isAiohttpSessionCreation(c));
  }

  /** The response variable is checked, or handed to code that may check it (passed, returned, tested). */
  private static boolean isChecked(Name response) {
    SymbolV2 symbol = response.symbolV2();
    if (symbol == null) {
      return true;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.isBindingUsage()) {
        continue;
      }
      Tree tree = usage.tree();
      Tree parent = tree.parent();
      if (parent instanceof QualifiedExpression q && q.qualifier() == tree) {
        if (STATUS_MEMBERS.contains(q.name().name())) {
          return true;
        }
      } else if (!(parent instanceof AssignmentStatement a && isRebinding(a, tree))) {
        return true;
      }
    }
    return false;
  }

  /** The {@code .json()} calls on the response variable, in source order. */
  private static List<CallExpression> jsonReads(Name response) {
    SymbolV2 symbol = response.symbolV2();
    if (symbol == null) {
      return List.of();
    }
    return symbol.usages().stream().map(UsageV2::tree)
      .filter(t -> t.parent() instanceof QualifiedExpression q && q.qualifier() == t && "json".equals(q.name().name())
        && q.parent() instanceof CallExpression c && c.callee() == q)
      .map(t -> (CallExpression) t.parent().parent())
      .sorted(java.util.Comparator.comparingInt((CallExpression c) -> c.firstToken().line()).thenComparingInt(c -> c.firstToken().column()))
      .toList();
  }

  /**
   * The parsed payload is tested for an error or success field ({@code "error" in data}, {@code data["success"]},
   * {@code data.get("errors")}): the API reports its errors in the body (JSON-RPC, many appliance APIs answer 200 with an
   * error object), and the code handles them there.
   */
  private static boolean payloadTestedForError(CallExpression read) {
    Tree use = read;
    while (use.parent() != null && use.parent().is(Tree.Kind.PARENTHESIZED, Tree.Kind.AWAIT)) {
      use = use.parent();
    }
    if (inspectsErrorKey(use)) {
      return true;
    }
    if (use.parent() instanceof AssignmentStatement assignment && assignment.assignedValue() == use && assignment.lhsExpressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name data
      && data.symbolV2() != null) {
      return data.symbolV2().usages().stream().filter(u -> !u.isBindingUsage()).anyMatch(u -> inspectsErrorKey(u.tree()));
    }
    return false;
  }

  /** {@code value["error"]}, {@code value.get("error")}, {@code "error" in value} with an error/success key. */
  private static boolean inspectsErrorKey(Tree value) {
    Tree parent = value.parent();
    if (parent instanceof SubscriptionExpression subscription && subscription.object() == value) {
      return subscription.subscripts().expressions().stream().anyMatch(ResponseJsonWithoutStatusCheck::isErrorKey);
    }
    if (parent instanceof QualifiedExpression q && q.qualifier() == value && "get".equals(q.name().name()) && q.parent() instanceof CallExpression get) {
      return Arguments.value(get, 0, "key").filter(ResponseJsonWithoutStatusCheck::isErrorKey).isPresent();
    }
    return parent instanceof InExpression in && in.rightOperand() == value && isErrorKey(in.leftOperand());
  }

  private static boolean isErrorKey(Expression key) {
    return Literals.stringValue(key).filter(k -> ERROR_KEYS.matcher(k).matches()).isPresent();
  }

  private static boolean isRebinding(AssignmentStatement assignment, Tree tree) {
    for (ExpressionList lhs : assignment.lhsExpressions()) {
      if (lhs.expressions().contains(tree)) {
        return true;
      }
    }
    return false;
  }
}
