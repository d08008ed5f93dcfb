/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.List;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi.Route;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApiApi;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.ReturnStatement;
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
    List<ReturnStatement> returns = Trees.descendantsInSameScope(function.body(), Tree.Kind.RETURN_STMT, ReturnStatement.class);
    List<ReturnStatement> withValue = returns.stream().filter(r -> !r.expressions().isEmpty() && !Literals.isNone(r.expressions().get(0))).toList();
    if (withValue.isEmpty() || withValue.stream().anyMatch(r -> returnsResponse(r.expressions().get(0), ctx, 0))) {
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

  /** The values reaching the name, or, where the frontend gives none (a reassigned parameter), every value assigned to it. */
  private static java.util.Set<Expression> assignedValues(org.sonar.plugins.python.api.tree.Name name, SubscriptionContext ctx) {
    java.util.Set<Expression> values = new java.util.HashSet<>(ctx.valuesAtLocation(name));
    if (values.isEmpty() && name.symbolV2() != null) {
      for (var usage : name.symbolV2().usages()) {
        if (usage.kind() == org.sonar.plugins.python.api.symbols.v2.UsageV2.Kind.ASSIGNMENT_LHS
          && usage.tree().parent() != null && usage.tree().parent().parent() instanceof org.sonar.plugins.python.api.tree.AssignmentStatement assignment) {
          values.add(assignment.assignedValue());
        }
      }
    }
    return values;
  }

  private static boolean returnsResponse(Expression value, SubscriptionContext ctx, int depth) {
    Expression expr = Trees.skipParentheses(value);
    if (expr instanceof org.sonar.plugins.python.api.tree.Name name && depth < 2
      && assignedValues(name, ctx).stream().anyMatch(v -> returnsResponse(v, ctx, depth + 1))) {
      return true;
    }
    if (expr instanceof CallExpression call) {
      Optional<String> fqn = Fqns.ofCallee(call);
      if (fqn.isPresent() && (fqn.get().startsWith("starlette.responses.") || fqn.get().startsWith("fastapi.responses.")
        || fqn.get().startsWith("fastapi.templating.") || fqn.get().startsWith("starlette.templating."))) {
        return true;
      }
      // JSONResponse(...), templates.TemplateResponse(...), and helpers named like success_response(...)/make_response(...)
      if (Fqns.calleeName(call).filter(n -> n.endsWith("Response") || n.toLowerCase(java.util.Locale.ROOT).endsWith("response")).isPresent()) {
        return true;
      }
      if (ClassHierarchy.typeIsOrExtends(call.callee().typeV2(), FastApiApi.RESPONSE)) {
        return true;
      }
    }
    // a response object built earlier, or the injected Response parameter
    return expr.typeV2() instanceof org.sonar.plugins.python.api.types.v2.ObjectType object
      && ClassHierarchy.typeIsOrExtends(object.unwrappedType(), FastApiApi.RESPONSE);
  }
}
