/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoQuerySets.QueryCall;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;

/**
 * In a request handler, {@code Model.objects.get(...)} (or {@code latest()}/{@code earliest()}) looked up with a
 * value coming from the request, without handling {@code DoesNotExist}: a missing row makes the view answer 500 instead
 * of 404.
 */
@Rule(key = "UnhandledDoesNotExist")
public class UnhandledDoesNotExistCheck extends BackendReviewCheck {

  private static final Set<String> SINGLE_ROW = Set.of("get", "latest", "earliest", "aget", "alatest", "aearliest");
  private static final Set<String> REQUEST_DATA = Set.of("GET", "POST", "data", "query_params", "COOKIES", "headers", "META", "body",
    "FILES", "kwargs");
  private static final Api BROAD = Api.anyOf(PythonApi.BROAD_EXCEPTIONS, DjangoApi.OBJECT_DOES_NOT_EXIST);

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, UnhandledDoesNotExistCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<String> method = Fqns.calleeName(call);
    if (method.isEmpty() || !SINGLE_ROW.contains(method.get())) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (function == null) {
      return;
    }
    Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx);
    if (handler.isEmpty() || handler.get().framework() == RequestHandlers.Framework.FASTAPI || handler.get().framework() == RequestHandlers.Framework.FLASK) {
      return;
    }
    Optional<QueryCall> query = DjangoQuerySets.queryCall(call, ctx);
    if (query.isEmpty() || isHandled(call)) {
      return;
    }
    boolean fromRequest = usesRequestValue(call, function, handler.get())
      || query.get().receiver().methods().stream().anyMatch(c -> usesRequestValue(c, function, handler.get()));
    if (!fromRequest) {
      return;
    }
    String model = query.get().receiver().model().name();
    ctx.addIssue(call, "Handle " + model + ".DoesNotExist or use get_object_or_404(): a missing row makes this view answer 500 instead of 404.");
  }

  /** A lookup argument reads a handler parameter (URL capture) or the request's data. */
  private static boolean usesRequestValue(CallExpression call, FunctionDef function, RequestHandlers.Handler handler) {
    boolean[] found = {false};
    for (Argument argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular)) {
        continue;
      }
      Trees.walk(regular.expression(), t -> !t.is(Tree.Kind.LAMBDA), t -> {
        if (t instanceof Name name && isRequestValue(name, function, handler)) {
          found[0] = true;
        }
      });
    }
    return found[0];
  }

  private static boolean isRequestValue(Name name, FunctionDef function, RequestHandlers.Handler handler) {
    Tree parent = name.parent();
    boolean request = handler.requestParameter() != null && name.name().equals(handler.requestParameter().name())
      || "request".equals(name.name());
    if (parent instanceof QualifiedExpression q && q.qualifier() == name) {
      if (request) {
        return REQUEST_DATA.contains(q.name().name());
      }
      if ("self".equals(name.name())) {
        return "kwargs".equals(q.name().name())
          || "request".equals(q.name().name()) && q.parent() instanceof QualifiedExpression data && REQUEST_DATA.contains(data.name().name());
      }
    }
    if (request || "self".equals(name.name())) {
      return false;
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return false;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.kind() == UsageV2.Kind.PARAMETER && Trees.firstAncestor(usage.tree(), Tree.Kind.PARAMETER) instanceof Parameter parameter
        && Trees.nearestFunctionDef(parameter) == function) {
        return true;
      }
    }
    return false;
  }

  /** Inside a try whose handlers catch DoesNotExist, ObjectDoesNotExist, Exception, or everything. */
  private static boolean isHandled(Tree call) {
    Tree child = call;
    for (Tree current = call.parent(); current != null && !current.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA); current = current.parent()) {
      if (current instanceof TryStatement tryStatement && child == tryStatement.body()) {
        for (ExceptClause clause : tryStatement.exceptClauses()) {
          if (catchesMissingRow(clause.exception())) {
            return true;
          }
        }
      }
      child = current;
    }
    return false;
  }

  private static boolean catchesMissingRow(Expression exception) {
    if (exception == null) {
      return true;
    }
    List<Expression> candidates = Literals.collectionElements(exception).orElse(List.of(exception));
    for (Expression candidate : candidates) {
      Expression expr = Trees.skipParentheses(candidate);
      if (expr instanceof QualifiedExpression q && "DoesNotExist".equals(q.name().name())) {
        return true;
      }
      Optional<String> fqn = Fqns.of(expr);
      if (fqn.isPresent() && (BROAD.contains(fqn.get()) || fqn.get().endsWith("DoesNotExist"))
        || expr instanceof Name n && ("Exception".equals(n.name()) || "BaseException".equals(n.name()))) {
        return true;
      }
    }
    return false;
  }
}
