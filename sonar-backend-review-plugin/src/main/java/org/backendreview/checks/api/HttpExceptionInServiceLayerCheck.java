/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Locale;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApiApi;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.RaiseStatement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * {@code raise HTTPException(...)} in the service, repository, CRUD or domain layer of a FastAPI
 * application (a module under a {@code services/}, {@code repositories/}, {@code crud/}, {@code domain/}... package, or
 * named so), outside any path operation. Exceptions that no handler of the application maps to a response are
 * {@code FastApiExceptionWithoutHandler}'s concern.
 */
@Rule(key = "HttpExceptionInServiceLayer")
public class HttpExceptionInServiceLayerCheck extends BackendReviewCheck {

  private static final Set<String> HTTP_EXCEPTIONS = FastApiApi.HTTP_EXCEPTION.fqns();
  private static final Set<String> LAYERS = Set.of("services", "service", "repositories", "repository", "repos", "crud", "domain",
    "usecases", "use_cases", "dal", "managers");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.RAISE_STMT, HttpExceptionInServiceLayerCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    RaiseStatement raise = (RaiseStatement) ctx.syntaxNode();
    if (raise.expressions().isEmpty() || !(Trees.skipParentheses(raise.expressions().get(0)) instanceof CallExpression call)
      || Fqns.ofCallee(call).filter(HTTP_EXCEPTIONS::contains).isEmpty()) {
      return;
    }
    String layer = layer(ctx);
    if (layer == null) {
      return;
    }
    FunctionDef function = Trees.nearestFunctionDef(raise);
    if (function == null || FastApi.route(function).isPresent()) {
      return;
    }
    ctx.addIssue(call, "Raise a domain exception here and map it to an HTTP status in the route or in an exception handler: code in \""
      + layer + "\" should not depend on HTTP.");
  }

  /** The layer named by the module path ({@code app/services/users.py}, {@code app/user_service.py}), or null. */
  private static String layer(SubscriptionContext ctx) {
    if (ctx.pythonFile().uri() == null) {
      return null;
    }
    String path = ctx.pythonFile().uri().getPath().toLowerCase(Locale.ROOT);
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      String stem = i == segments.length - 1 && segment.endsWith(".py") ? segment.substring(0, segment.length() - 3) : segment;
      if (LAYERS.contains(stem)) {
        return stem;
      }
      for (String layer : LAYERS) {
        if (i == segments.length - 1 && (stem.endsWith("_" + layer) || stem.startsWith(layer + "_"))) {
          return layer;
        }
      }
    }
    return null;
  }
}
