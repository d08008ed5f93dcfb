/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.http.ClientObjects;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.YieldExpression;

/**
 * An async client or session ({@code httpx.AsyncClient}, {@code aiohttp.ClientSession}, SQLAlchemy
 * {@code AsyncSession}, aiokafka producers/consumers, {@code redis.asyncio.Redis}) created in a function and never
 * closed: not used with {@code async with}, no {@code aclose()/close()/stop()} call, and not handed over (returned,
 * yielded, stored on an object, passed to a call). Also a client created inline and used once
 * ({@code await httpx.AsyncClient().get(url)}), and a client created before the {@code yield} of a lifespan/context
 * manager, stored for the application, and not closed after it.
 */
@Rule(key = "AsyncClientNotClosed")
public class AsyncClientNotClosedCheck extends BackendReviewCheck {

  private static final Map<String, String> CLOSE = Map.of(
    ClientObjects.HTTPX_ASYNC_CLIENT, "aclose", ClientObjects.AIOHTTP_SESSION, "close", ClientObjects.SA_ASYNC_SESSION, "close",
    ClientObjects.AIOKAFKA_PRODUCER, "stop", ClientObjects.AIOKAFKA_CONSUMER, "stop", ClientObjects.ASYNC_REDIS, "aclose");
  private static final Set<String> CLOSERS = Set.of("aclose", "close", "stop", "dispose", "shutdown", "disconnect", "__aexit__");
  private static final Set<String> CONTEXT_MANAGERS = PythonApi.CONTEXT_MANAGER_DECORATORS.fqns();

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, AsyncClientNotClosedCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<String> client = createdClient(call);
    if (client.isEmpty()) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (function == null) {
      // module-level clients live as long as the process (their lifecycle belongs to the application's lifespan)
      return;
    }
    Tree parent = Trees.skipParentheses(call) == call ? call.parent() : call.parent();
    while (parent != null && parent.is(Tree.Kind.PARENTHESIZED)) {
      parent = parent.parent();
    }
    if (parent instanceof QualifiedExpression qualified && qualified.qualifier() == Trees.skipParentheses(call) || isDirectReceiver(call)) {
      // httpx.AsyncClient().get(...): used once, never closed
      String method = ((QualifiedExpression) call.parent()).name().name();
      if (!CLOSERS.contains(method) && !"__aenter__".equals(method)) {
        report(ctx, call, client.get());
      }
      return;
    }
    if (!(parent instanceof AssignmentStatement assignment) || assignment.assignedValue() != call && Trees.skipParentheses(assignment.assignedValue()) != call
      || assignment.lhsExpressions().size() != 1 || assignment.lhsExpressions().get(0).expressions().size() != 1) {
      return;
    }
    Expression target = assignment.lhsExpressions().get(0).expressions().get(0);
    if (target instanceof Name name) {
      checkLocal(ctx, call, client.get(), name, function);
    } else if (isContextManager(function) && yieldAfter(function, call)) {
      // lifespan: app.state.http = httpx.AsyncClient(); yield; ... must close it after the yield
      String text = SourceText.of(target);
      if (!closedSomewhere(function, text)) {
        ctx.addIssue(call, "Close \"" + text + "\" after the \"yield\" of this lifespan (\"await " + text + "." + CLOSE.get(client.get())
          + "()\"), or open it with \"async with\": it is never closed at shutdown.");
      }
    }
  }

  private static boolean isDirectReceiver(CallExpression call) {
    return call.parent() instanceof QualifiedExpression qualified && qualified.qualifier() == call;
  }

  private static void checkLocal(SubscriptionContext ctx, CallExpression call, String client, Name name, FunctionDef function) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null || symbol.usages().stream().anyMatch(u -> u.kind() == UsageV2.Kind.GLOBAL_DECLARATION || u.kind() == UsageV2.Kind.NONLOCAL_DECLARATION)) {
      return;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.isBindingUsage() || !Trees.isAncestorOrSelf(function, usage.tree())) {
        continue;
      }
      if (escapesOrCloses(usage.tree())) {
        return;
      }
    }
    report(ctx, call, client);
  }

  /** The usage closes the client, manages it with (async) with, or hands it over to code that may close it. */
  private static boolean escapesOrCloses(Tree usage) {
    Tree parent = usage.parent();
    if (parent instanceof QualifiedExpression qualified && qualified.qualifier() == usage) {
      return CLOSERS.contains(qualified.name().name()) || "__aenter__".equals(qualified.name().name());
    }
    if (parent == null) {
      return false;
    }
    return parent.is(Tree.Kind.WITH_ITEM, Tree.Kind.RETURN_STMT, Tree.Kind.YIELD_EXPR, Tree.Kind.REGULAR_ARGUMENT, Tree.Kind.ARG_LIST,
      Tree.Kind.ASSIGNMENT_STMT, Tree.Kind.LIST_LITERAL, Tree.Kind.TUPLE, Tree.Kind.DICTIONARY_LITERAL, Tree.Kind.KEY_VALUE_PAIR,
      Tree.Kind.EXPRESSION_LIST, Tree.Kind.ANNOTATED_ASSIGNMENT, Tree.Kind.CONDITIONAL_EXPR, Tree.Kind.LAMBDA, Tree.Kind.AWAIT);
  }

  private static void report(SubscriptionContext ctx, CallExpression call, String client) {
    ctx.addIssue(call, "Open this " + shortName(client) + " with \"async with\" or call \"" + CLOSE.get(client)
      + "()\" in a \"finally\" block: it is never closed and leaks its connections.");
  }

  private static String shortName(String client) {
    return client.substring(client.lastIndexOf('.') + 1);
  }

  /** A client constructed by this call (not an async-with item). */
  private static Optional<String> createdClient(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    Optional<String> client = ClientObjects.classOf(call).filter(CLOSE::containsKey);
    if (client.isEmpty()) {
      return Optional.empty();
    }
    // a constructor or factory, not a method returning an existing client
    boolean constructed = fqn.isPresent() && ClientObjects.canonicalClass(fqn.get()).isPresent()
      || fqn.filter(f -> f.endsWith("from_url")).isPresent()
      || call.callee() instanceof Name;
    return constructed ? client : Optional.empty();
  }

  private static boolean isContextManager(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      if (Fqns.of(decorator.expression()).filter(CONTEXT_MANAGERS::contains).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean yieldAfter(FunctionDef function, Tree node) {
    List<YieldExpression> yields = Trees.descendantsInSameScope(function.body(), Tree.Kind.YIELD_EXPR, YieldExpression.class);
    return yields.stream().anyMatch(y -> y.firstToken().line() > node.firstToken().line());
  }

  private static boolean closedSomewhere(FunctionDef function, String target) {
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (call.callee() instanceof QualifiedExpression qualified && CLOSERS.contains(qualified.name().name())
        && SourceText.of(qualified.qualifier()).equals(target)) {
        return true;
      }
    }
    return false;
  }
}
