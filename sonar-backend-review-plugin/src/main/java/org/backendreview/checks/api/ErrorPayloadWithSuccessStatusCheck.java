/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.drf.DrfApi;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApiApi;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A request handler (FastAPI path operation, DRF or Django view) returns an error payload
 * ({@code {"error": ...}}, {@code {"success": False, ...}}, {@code {"status": "error"}}) with the default 200 status:
 * as a bare dict, or in a {@code JSONResponse}/DRF {@code Response}/{@code JsonResponse} without a status.
 */
@Rule(key = "ErrorPayloadWithSuccessStatus")
public class ErrorPayloadWithSuccessStatusCheck extends BackendReviewCheck {

  private static final Pattern HTTP_CONSTANT = Pattern.compile("HTTP_(\\d{3})(?:_.*)?");
  private static final Set<String> ERROR_KEYS = Set.of("error", "errors", "error_message", "error_code");
  private static final Set<String> RESPONSES = Api.anyOf(FastApiApi.JSON_RESPONSE, DrfApi.RESPONSE, DjangoApi.JSON_RESPONSE).fqns();

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, ErrorPayloadWithSuccessStatusCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<FastApi.Route> route = FastApi.route(function);
    boolean fastApi = route.isPresent();
    if (!fastApi && RequestHandlers.of(function, ctx).isEmpty()) {
      return;
    }
    if (FastApi.assignsStatusCode(function)) {
      return;
    }
    // the status a returned dict is sent with: the decorator's, 200 by default
    String routeStatus = "200 OK";
    if (fastApi) {
      if (route.get().decoratorKeyword("response_class").isPresent()) {
        return;
      }
      Optional<Expression> declared = route.get().decoratorKeyword("status_code");
      if (declared.isPresent()) {
        Optional<Integer> code = statusCode(declared.get());
        if (code.isEmpty() || code.get() >= 300) {
          // a redirect or an error status already, or a status the code computes
          return;
        }
        routeStatus = String.valueOf(code.get());
      }
    }
    for (ReturnStatement statement : Trees.descendantsInSameScope(function.body(), Tree.Kind.RETURN_STMT, ReturnStatement.class)) {
      if (statement.expressions().size() != 1) {
        continue;
      }
      Expression value = Trees.skipParentheses(statement.expressions().get(0));
      Optional<Expression> payload = Optional.empty();
      if (fastApi && value instanceof DictionaryLiteral) {
        payload = Optional.of(value);
      } else if (value instanceof CallExpression call && Fqns.ofCallee(call).filter(RESPONSES::contains).isPresent()
        && Arguments.keyword(call, "status_code").isEmpty() && Arguments.keyword(call, "status").isEmpty() && Arguments.positionalCount(call) < 2
        && !Arguments.hasKeywordUnpacking(call)) {
        payload = Arguments.value(call, 0, Fqns.ofCallee(call).get().startsWith("django") ? "data" : "content")
          .or(() -> Arguments.keyword(call, "data").map(a -> a.expression()));
      }
      if (payload.isPresent() && isErrorPayload(payload.get())) {
        ctx.addIssue(value, message(value, routeStatus));
      }
    }
  }

  /** The advice in the words of the framework of the returned value. */
  private static String message(Expression value, String routeStatus) {
    String framework = value instanceof CallExpression call ? Fqns.ofCallee(call).orElse("") : "fastapi";
    if (framework.startsWith("rest_framework")) {
      return "Pass an error status to this Response (\"status=status.HTTP_400_BAD_REQUEST\", ...): it is sent with 200 OK.";
    }
    if (framework.startsWith("django")) {
      return "Pass an error status to this JsonResponse (\"status=400\", ...): it is sent with 200 OK.";
    }
    if (value instanceof CallExpression) {
      return "Pass an error status to this response (\"status_code=400\", ...) or raise HTTPException: it is sent with 200 OK.";
    }
    return "Return this error with an HTTP error status (raise HTTPException or set the status code): it is sent with " + routeStatus + ".";
  }

  /** {@code 201} or {@code status.HTTP_201_CREATED}; empty for anything else. */
  private static Optional<Integer> statusCode(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof NumericLiteral number) {
      try {
        return Optional.of(Integer.parseInt(number.valueAsString()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (expr instanceof QualifiedExpression qualified) {
      Matcher matcher = HTTP_CONSTANT.matcher(qualified.name().name());
      if (matcher.matches()) {
        return Optional.of(Integer.parseInt(matcher.group(1)));
      }
    }
    return Optional.empty();
  }

  private static boolean isErrorPayload(Expression payload) {
    if (!(Trees.skipParentheses(payload) instanceof DictionaryLiteral dict)) {
      return false;
    }
    for (DictionaryLiteralElement element : dict.elements()) {
      if (element instanceof KeyValuePair pair) {
        Optional<String> key = Literals.stringValue(pair.key());
        if (key.isEmpty()) {
          continue;
        }
        if (ERROR_KEYS.contains(key.get()) && isErrorValue(pair.value())) {
          return true;
        }
        if ("success".equals(key.get()) && Literals.booleanValue(pair.value()).filter(b -> !b).isPresent()
          || ("status".equals(key.get()) || "result".equals(key.get())) && Literals.stringValue(pair.value()).filter(v -> v.equalsIgnoreCase("error")
            || v.equalsIgnoreCase("failed") || v.equalsIgnoreCase("failure")).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A value that is an error for sure: a non-empty string, an f-string, {@code str(exc)}, a non-empty list or dict
   * literal. A variable may be empty ({@code "errors": errors} in a validation report) and is not trusted.
   */
  private static boolean isErrorValue(Expression value) {
    Expression expr = Trees.skipParentheses(value);
    if (Literals.isFString(expr)) {
      return true;
    }
    Optional<String> text = Literals.stringValue(expr);
    if (text.isPresent()) {
      return !text.get().isEmpty();
    }
    if (expr instanceof CallExpression call) {
      return Fqns.ofCallee(call).filter("str"::equals).isPresent();
    }
    return Literals.collectionElements(expr).map(e -> !e.isEmpty()).orElse(false)
      || expr instanceof DictionaryLiteral dict && !dict.elements().isEmpty();
  }
}
