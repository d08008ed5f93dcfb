/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Optional;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApi.Route;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A FastAPI {@code POST} path operation named as a creation ({@code create_...}, {@code add_...},
 * {@code register_...}) that answers with the default {@code 200 OK} instead of {@code 201 Created}.
 */
@Rule(key = "CreateEndpointWithout201")
public class CreateEndpointWithout201Check extends BackendReviewCheck {

  private static final Pattern CREATE_NAME = Pattern.compile("(create|add|insert|register|signup|sign_up)(_.*)?");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, CreateEndpointWithout201Check::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<Route> found = FastApi.route(function);
    if (found.isEmpty() || !found.get().isOnly("POST") || !CREATE_NAME.matcher(function.name().name()).matches()) {
      return;
    }
    Route route = found.get();
    if (route.decoratorKeyword("status_code").isPresent() || route.decoratorKeyword("response_class").isPresent() || setsStatus(function)) {
      return;
    }
    ctx.addIssue(route.decorator(), "Add \"status_code=201\" to this creation endpoint so that clients get \"201 Created\" instead of \"200 OK\".")
      .secondary(function.name(), "Creates a resource");
  }

  private static boolean setsStatus(FunctionDef function) {
    if (FastApi.assignsStatusCode(function)) {
      return true;
    }
    // a Response built by the handler carries its own status
    return Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, org.sonar.plugins.python.api.tree.CallExpression.class).stream()
      .anyMatch(c -> org.backendreview.tree.Arguments.keyword(c, "status_code").isPresent()
        && org.backendreview.tree.Fqns.calleeName(c).filter(n -> n.toLowerCase(java.util.Locale.ROOT).endsWith("response")).isPresent());
  }
}
