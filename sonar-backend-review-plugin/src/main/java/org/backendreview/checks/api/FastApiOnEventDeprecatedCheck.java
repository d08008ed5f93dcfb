/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.fastapi.FastApiApi;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.DeclaredDependencies;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * API-06 (first part): FastAPI startup/shutdown hooks registered with the deprecated {@code @app.on_event(...)} or
 * {@code app.add_event_handler(...)} instead of a {@code lifespan} context manager, in a project whose FastAPI has
 * lifespan handlers (declared version 0.93 or later, or {@code lifespan=} used in the module); silent when the version
 * is unknown or older.
 */
@Rule(key = "FastApiOnEventDeprecated")
public class FastApiOnEventDeprecatedCheck extends BackendReviewCheck {

  private static final Set<String> LIFESPAN_OWNERS = FastApiApi.LIFESPAN_OWNERS.fqns();

  /** Whether the analysed project runs a FastAPI that has lifespan handlers; null until the first hook of a file asks. */
  private Boolean lifespanAvailable;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> lifespanAvailable = null);
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    String api;
    if (FastApi.isAppMethod(call, "on_event")) {
      api = "on_event";
    } else if (FastApi.isAppMethod(call, "add_event_handler")) {
      api = "add_event_handler";
    } else {
      return;
    }
    if (isForwardingInsideFrameworkClass(call) || !lifespanAvailable(ctx, call)) {
      return;
    }
    Optional<String> event = Arguments.value(call, 0, "event_type").flatMap(Literals::stringValue);
    ctx.addIssue(call, "Move this " + event.map(e -> "\"" + e + "\" ").orElse("") + "handler into a lifespan context manager passed to "
      + "FastAPI(lifespan=...): \"" + api + "\" is deprecated.");
  }

  /**
   * Lifespan handlers exist since FastAPI 0.93 (its documentation calls {@code on_event} deprecated from then on; later
   * versions warn at run time). Known when the project declares {@code fastapi} at 0.93 or later (see
   * {@link DeclaredDependencies}), or when the module already passes {@code lifespan=} to an application or router.
   */
  private boolean lifespanAvailable(SubscriptionContext ctx, CallExpression call) {
    if (lifespanAvailable == null) {
      lifespanAvailable = DeclaredDependencies.minimumVersion("fastapi", ctx).filter(v -> v.isAtLeast(0, 93)).isPresent()
        || passesLifespan((FileInput) Trees.firstAncestor(call, Tree.Kind.FILE_INPUT));
    }
    return lifespanAvailable;
  }

  private static boolean passesLifespan(FileInput file) {
    return AnalysisContext.of(file).calls().stream().anyMatch(constructor -> Arguments.keyword(constructor, "lifespan").isPresent()
      && Fqns.ofCallee(constructor).filter(LIFESPAN_OWNERS::contains).isPresent());
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
