/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.security.DjangoSessionAuth;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-23 (Django function views): a module-level Django view that writes (an ORM write, a {@code save()} or
 * {@code delete()}) with no access decorator and no access check in its body, in a module where at least two other
 * views require a login or a permission ({@code @login_required}, {@code @permission_required}, a project decorator
 * named for access control). The siblings show the module's views are meant to be protected; this one may have been
 * forgotten. A human confirms: the message says "verify". Silent for views named for public use (login, sign-up,
 * password reset, webhook, callback), for views with a decorator the rule does not know (it may check access), in
 * tests, and when the body checks {@code request.user.is_authenticated}, {@code has_perm()} or raises
 * {@code PermissionDenied}.
 */
@Rule(key = "WritingViewWithoutAuthorization")
public class WritingViewWithoutAuthorizationCheck extends BackendReviewCheck {

  private static final int MIN_PROTECTED_SIBLINGS = 2;
  private static final String DJANGO_VIEW_DECORATORS = "django.views.decorators.";

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, WritingViewWithoutAuthorizationCheck::checkModule);
  }

  private static void checkModule(SubscriptionContext ctx) {
    AnalysisContext context = AnalysisContext.of(ctx);
    List<FunctionDef> protectedViews = new ArrayList<>();
    List<FunctionDef> candidates = new ArrayList<>();
    for (FunctionDef function : context.functions()) {
      if (Trees.enclosingFunction(function) != null || Trees.enclosingClass(function) != null || TestCode.isTestScenario(function)) {
        continue;
      }
      Optional<RequestHandlers.Handler> handler = RequestHandlers.of(function, ctx);
      if (handler.isEmpty() || handler.get().framework() != RequestHandlers.Framework.DJANGO) {
        continue;
      }
      if (DjangoSessionAuth.hasAccessDecorator(function)) {
        protectedViews.add(function);
      } else if (!handler.get().servesOnlySafeMethods() && onlyDjangoDecorators(function)) {
        candidates.add(function);
      }
    }
    if (protectedViews.size() < MIN_PROTECTED_SIBLINGS) {
      return;
    }
    for (FunctionDef view : candidates) {
      if (DjangoSessionAuth.isPublicByName(view.name().name()) || DjangoSessionAuth.checksAccessInline(view) || isCalledInModule(view)) {
        continue;
      }
      Optional<CallExpression> write = firstWrite(view, ctx);
      if (write.isPresent()) {
        ctx.addIssue(view.name(), "Verify that \"" + view.name().name() + "\" may be called by anyone: it writes with no login or"
          + " permission check, while " + protectedViews.size() + " views of this module require one.")
          .secondary(write.get(), "Writes here.")
          .secondary(protectedViews.get(0).decorators().get(0), "A sibling view requires a login.");
      }
    }
  }

  /** A helper the module's views call ({@code perform_delete(request, comment)}), not a view: its callers check access. */
  private static boolean isCalledInModule(FunctionDef function) {
    SymbolV2 symbol = function.name().symbolV2();
    return symbol != null && symbol.usages().stream()
      .anyMatch(u -> u.tree().parent() instanceof CallExpression call && call.callee() == u.tree());
  }

  private static boolean onlyDjangoDecorators(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      Optional<String> fqn = DjangoSessionAuth.decoratorFqn(decorator);
      if (fqn.isEmpty() || !fqn.get().startsWith(DJANGO_VIEW_DECORATORS)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<CallExpression> firstWrite(FunctionDef view, SubscriptionContext ctx) {
    return Trees.descendantsInSameScope(view.body(), Tree.Kind.CALL_EXPR, CallExpression.class).stream()
      .filter(call -> DjangoSessionAuth.isViewWrite(call, ctx)).findFirst();
  }
}
