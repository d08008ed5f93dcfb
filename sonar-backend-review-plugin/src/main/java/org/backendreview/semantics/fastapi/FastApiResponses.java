/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * What a path operation returns: a Starlette/FastAPI {@code Response} object it builds itself (which carries its own
 * status, media type and body, so the decorator's {@code status_code} and {@code response_model} do not apply), or data
 * that FastAPI serializes. A response is recognised by the callee's fully qualified name
 * ({@code starlette.responses.*}, {@code fastapi.responses.*}, templating), by its class hierarchy, by a callee named
 * like one ({@code JSONResponse}, {@code templates.TemplateResponse}, a project's {@code success_response(...)}), or by
 * the type of a returned name (an injected {@code Response} parameter); a returned local is followed to the values
 * assigned to it (two steps at most).
 */
public final class FastApiResponses {

  private static final String RESPONSE = "starlette.responses.Response";

  private FastApiResponses() {
  }

  /** The {@code return <value>} statements of the function itself (not of nested functions), {@code return None} excluded. */
  public static List<ReturnStatement> valueReturns(FunctionDef function) {
    return Trees.descendantsInSameScope(function.body(), Tree.Kind.RETURN_STMT, ReturnStatement.class).stream()
      .filter(r -> !r.expressions().isEmpty() && !Literals.isNone(r.expressions().get(0))).toList();
  }

  /** True when one of the function's returns hands back a response object. */
  public static boolean returnsResponse(FunctionDef function, SubscriptionContext ctx) {
    return valueReturns(function).stream().anyMatch(r -> isResponse(r.expressions().get(0), ctx));
  }

  /** True when the expression is (or is a local assigned) a response object. */
  public static boolean isResponse(Expression value, SubscriptionContext ctx) {
    return isResponse(value, ctx, 0);
  }

  private static boolean isResponse(Expression value, SubscriptionContext ctx, int depth) {
    Expression expr = Trees.skipParentheses(value);
    if (expr instanceof Name name && depth < 2 && assignedValues(name, ctx).stream().anyMatch(v -> isResponse(v, ctx, depth + 1))) {
      return true;
    }
    if (expr instanceof CallExpression call) {
      Optional<String> fqn = Fqns.ofCallee(call);
      if (fqn.isPresent() && (fqn.get().startsWith("starlette.responses.") || fqn.get().startsWith("fastapi.responses.")
        || fqn.get().startsWith("fastapi.templating.") || fqn.get().startsWith("starlette.templating."))) {
        return true;
      }
      // JSONResponse(...), templates.TemplateResponse(...), and helpers named like success_response(...)/make_response(...)
      if (Fqns.calleeName(call).filter(n -> n.toLowerCase(Locale.ROOT).endsWith("response")).isPresent()) {
        return true;
      }
      if (ClassHierarchy.typeIsOrExtends(call.callee().typeV2(), RESPONSE::equals)) {
        return true;
      }
    }
    // a response object built earlier, or the injected Response parameter
    PythonType instanceType = Types.instanceType(expr.typeV2());
    return instanceType != null && ClassHierarchy.typeIsOrExtends(instanceType, RESPONSE::equals);
  }

  /** The values reaching the name, or, where the frontend gives none (a reassigned parameter), every value assigned to it. */
  private static Set<Expression> assignedValues(Name name, SubscriptionContext ctx) {
    Set<Expression> values = new HashSet<>(AnalysisContext.of(ctx).values().reaching(name, ctx));
    if (values.isEmpty() && name.symbolV2() != null) {
      for (UsageV2 usage : name.symbolV2().usages()) {
        if (usage.kind() == UsageV2.Kind.ASSIGNMENT_LHS && usage.tree().parent() != null
          && usage.tree().parent().parent() instanceof AssignmentStatement assignment) {
          values.add(assignment.assignedValue());
        }
      }
    }
    return values;
  }
}
