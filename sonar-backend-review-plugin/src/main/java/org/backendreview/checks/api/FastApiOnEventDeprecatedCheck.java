/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * FastAPI startup/shutdown hooks registered with the deprecated {@code @app.on_event(...)} or
 * {@code app.add_event_handler(...)} instead of a {@code lifespan} context manager.
 */
@Rule(key = "FastApiOnEventDeprecated")
public class FastApiOnEventDeprecatedCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, FastApiOnEventDeprecatedCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    String api;
    if (FastApi.isAppMethod(call, "on_event")) {
      api = "on_event";
    } else if (FastApi.isAppMethod(call, "add_event_handler")) {
      api = "add_event_handler";
    } else {
      return;
    }
    if (isForwardingInsideFrameworkClass(call)) {
      return;
    }
    Optional<String> event = Arguments.value(call, 0, "event_type").flatMap(Literals::stringValue);
    ctx.addIssue(call, "Move this " + event.map(e -> "\"" + e + "\" ").orElse("") + "handler into a lifespan context manager passed to "
      + "FastAPI(lifespan=...): \"" + api + "\" is deprecated.");
  }

  /** {@code self.router.add_event_handler(...)} in a method: an application or router class forwarding the API. */
  private static boolean isForwardingInsideFrameworkClass(CallExpression call) {
    Expression receiver = Fqns.receiver(call).orElse(null);
    while (receiver instanceof QualifiedExpression qualified) {
      receiver = qualified.qualifier();
    }
    if (!(receiver instanceof Name name) || !"self".equals(name.name())) {
      return false;
    }
    // inside a method of the class, possibly in a nested decorator function
    FunctionDef function = Trees.nearestFunctionDef(call);
    while (function != null) {
      if (Trees.methodOwner(function) != null) {
        return true;
      }
      function = Trees.nearestFunctionDef(function);
    }
    return false;
  }
}
