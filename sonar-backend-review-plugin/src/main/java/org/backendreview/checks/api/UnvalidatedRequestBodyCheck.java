/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi.Param;
import org.backendreview.semantics.fastapi.FastApi.Route;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.http.ClientObjects;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * API-02: a FastAPI path operation takes its JSON body without a schema: it reads {@code await request.json()} itself,
 * or declares the body as {@code dict}/{@code Dict[str, Any]}/{@code list[dict]}, or as {@code Any}/untyped with
 * {@code Body()}. A mapping with typed values ({@code dict[str, int]}, {@code dict[str, Item]}) is validated by FastAPI. FastAPI then validates nothing and documents nothing; every key is trusted as sent.
 */
@Rule(key = "UnvalidatedRequestBody")
public class UnvalidatedRequestBodyCheck extends BackendReviewCheck {

  private static final Api DICT_TYPES = Api.anyOf(PythonApi.DICT, PythonApi.MAPPING, PythonApi.MUTABLE_MAPPING);
  private static final Api LIST_TYPES = Api.anyOf(PythonApi.LIST, PythonApi.SEQUENCE);

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, UnvalidatedRequestBodyCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<Route> route = FastApi.route(function);
    if (route.isEmpty() || route.get().websocket()) {
      return;
    }
    for (Param param : FastApi.params(route.get())) {
      if (isSchemaLessBody(param)) {
        ctx.addIssue(param.parameter(), "Declare a Pydantic model for this request body instead of \""
          + (param.type() == null ? "an untyped Body()" : SourceText.of(param.type())) + "\", so that FastAPI validates and documents it.");
      }
    }
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      if (Trees.skipParentheses(call.callee()) instanceof QualifiedExpression qualified && "json".equals(qualified.name().name())
        && ClientObjects.isA(qualified.qualifier(), ClientObjects.STARLETTE_REQUEST)) {
        ctx.addIssue(call, "Declare a Pydantic model parameter for this request body instead of reading \"" + SourceText.call(call)
          + "\", so that FastAPI validates and documents it.");
      }
    }
  }

  private static boolean isSchemaLessBody(Param param) {
    Expression type = param.type() == null ? null : Trees.skipParentheses(param.type());
    boolean explicitBody = param.marker() != null && FastApi.paramFunction(param.marker()).filter("Body"::equals).isPresent();
    if (type == null) {
      return explicitBody;
    }
    Expression head = type instanceof SubscriptionExpression subscription ? subscription.object() : type;
    Optional<String> fqn = Fqns.of(head);
    if (fqn.isEmpty()) {
      return false;
    }
    if (DICT_TYPES.contains(fqn.get())) {
      // dict[str, int], dict[str, Item]: FastAPI validates every key and value against the declared types
      return param.kind() == FastApi.ParamKind.BODY && isSchemaLessMapping(type);
    }
    if (PythonApi.ANY.contains(fqn.get())) {
      return explicitBody;
    }
    if (LIST_TYPES.contains(fqn.get()) && type instanceof SubscriptionExpression subscription && param.kind() == FastApi.ParamKind.BODY) {
      return subscription.subscripts().expressions().stream().allMatch(UnvalidatedRequestBodyCheck::isSchemaLessValue);
    }
    return false;
  }

  /** {@code dict}, {@code Dict[str, Any]}, {@code dict[str, dict]}: a mapping whose values are not typed. */
  private static boolean isSchemaLessMapping(Expression type) {
    if (!(type instanceof SubscriptionExpression subscription)) {
      return true;
    }
    var subscripts = subscription.subscripts().expressions();
    return subscripts.size() != 2 || isSchemaLessValue(subscripts.get(1));
  }

  /** {@code Any}, {@code object} or a schema-less mapping. */
  private static boolean isSchemaLessValue(Expression value) {
    Expression expr = Trees.skipParentheses(value);
    Expression head = expr instanceof SubscriptionExpression subscription ? subscription.object() : expr;
    Optional<String> fqn = Fqns.of(head);
    if (fqn.isEmpty()) {
      return false;
    }
    return PythonApi.ANY.contains(fqn.get()) || "object".equals(fqn.get()) || DICT_TYPES.contains(fqn.get()) && isSchemaLessMapping(expr);
  }
}
