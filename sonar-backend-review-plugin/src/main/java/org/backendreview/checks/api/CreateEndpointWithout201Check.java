/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApi.Route;
import org.backendreview.semantics.fastapi.FastApiResponses;
import org.backendreview.tree.TextEdits;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * API-04 (creation): a FastAPI {@code POST} path operation named as a creation ({@code create_...}, {@code add_...},
 * {@code register_...}) that answers with the default {@code 200 OK} instead of {@code 201 Created}. Not creations:
 * actions on an existing resource (a path segment after a {@code {param}}: {@code /items/{id}/add_tag}), token and
 * session endpoints (login, token minting), HTML form posts ({@code Form()} parameters) and handlers that return a
 * {@code Response} they build (it carries its own status).
 */
@Rule(key = "CreateEndpointWithout201")
public class CreateEndpointWithout201Check extends BackendReviewCheck {

  private static final Pattern CREATE_NAME = Pattern.compile("(create|add|insert|register|signup|sign_up)(_.*)?");
  /** A path segment after a path parameter: {@code /items/{item_id}/tags}. */
  private static final Pattern SUB_PATH_OF_RESOURCE = Pattern.compile(".*\\{[^}]+}/[^/{}]+.*");

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
    if (route.decoratorKeyword("status_code").isPresent() || route.decoratorKeyword("response_class").isPresent()
      || FastApi.assignsStatusCode(function) || !isCreation(route) || FastApiResponses.returnsResponse(function, ctx)) {
      return;
    }
    ctx.addIssue(route.decorator(), "Add \"status_code=201\" to this creation endpoint so that clients get \"201 Created\" instead of \"200 OK\".")
      .secondary(function.name(), "Creates a resource")
      .addQuickFix(PythonQuickFix.newQuickFix("Add \"status_code=201\"", TextEdits.appendArgument(route.decorator(), "status_code=201")));
  }

  private static boolean isCreation(Route route) {
    String path = route.path().toLowerCase(Locale.ROOT);
    return !SUB_PATH_OF_RESOURCE.matcher(path).matches() && !FastApi.isAuthenticationEndpoint(route)
      && FastApi.params(route).stream().noneMatch(p -> p.kind() == FastApi.ParamKind.FORM);
  }
}
