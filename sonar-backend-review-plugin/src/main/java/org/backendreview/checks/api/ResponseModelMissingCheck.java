/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApi.Route;
import org.backendreview.semantics.fastapi.FastApiResponses;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A FastAPI path operation that returns data but declares its response neither with {@code response_model=}
 * nor with a return annotation. Its output is not filtered nor validated (an ORM object or dict is serialized with all
 * its fields) and the OpenAPI schema documents no response body. Routes returning {@code Response} objects, routes
 * with {@code response_class=}, 204 routes, routes hidden from the schema and websockets are not concerned.
 */
@Rule(key = "ResponseModelMissing")
public class ResponseModelMissingCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, ResponseModelMissingCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<Route> found = FastApi.route(function);
    if (found.isEmpty() || found.get().websocket() || function.returnTypeAnnotation() != null) {
      return;
    }
    Route route = found.get();
    if (route.decoratorKeyword("response_model").isPresent() || route.decoratorKeyword("response_class").isPresent()
      || route.decoratorKeyword("include_in_schema").flatMap(Literals::booleanValue).filter(b -> !b).isPresent()
      || route.decoratorKeyword("status_code").filter(ResponseModelMissingCheck::isNoContent).isPresent()) {
      return;
    }
    if (FastApiResponses.valueReturns(function).isEmpty() || FastApiResponses.returnsResponse(function, ctx)) {
      return;
    }
    ctx.addIssue(function.name(), "Declare the response of \"" + function.name().name() + "\" with a return annotation or "
      + "\"response_model=\", so that its output is validated, filtered and documented.")
      .secondary(route.decorator(), "Path operation");
  }

  private static boolean isNoContent(Expression statusCode) {
    Expression expr = Trees.skipParentheses(statusCode);
    if (expr instanceof NumericLiteral number) {
      return "204".equals(number.valueAsString()) || "304".equals(number.valueAsString());
    }
    return expr instanceof QualifiedExpression qualified && qualified.name().name().startsWith("HTTP_204");
  }
}
