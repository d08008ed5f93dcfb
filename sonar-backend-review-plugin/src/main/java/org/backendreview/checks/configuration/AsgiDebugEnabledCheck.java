/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApiApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Debug features of an ASGI application turned on in product code: {@code FastAPI(debug=True)} and
 * {@code Starlette(debug=True)} (tracebacks in every 500 response), {@code uvicorn.run(..., reload=True)} (a file watcher
 * restarting the server in production). The {@code if __name__ == "__main__":} block of a module, scripts and tests are
 * development entry points and are not reviewed (the product gate); values read from the environment or settings are
 * unknown and fine.
 */
@Rule(key = "AsgiDebugEnabled")
public class AsgiDebugEnabledCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, AsgiDebugEnabledCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (FastApiApi.APPLICATIONS.isCalledBy(call)) {
      String app = FastApiApi.APPLICATIONS.calleeOf(call).filter(f -> f.startsWith("starlette")).isPresent() ? "Starlette" : "FastAPI";
      literalTrue(call, "debug").ifPresent(arg -> ctx.addIssue(arg, "Remove debug=True from this " + app
        + " application: every unhandled error then answers with its traceback and source lines."));
    } else if (FastApiApi.UVICORN_RUN.isCalledBy(call)) {
      literalTrue(call, "reload").ifPresent(arg -> ctx.addIssue(arg, "Remove reload=True from this uvicorn.run() of product code: "
        + "the reloader is for development and restarts the server whenever a watched file changes."));
    }
  }

  private static java.util.Optional<RegularArgument> literalTrue(CallExpression call, String keyword) {
    return Arguments.keyword(call, keyword).filter(a -> Literals.booleanValue(a.expression()).orElse(false));
  }
}
