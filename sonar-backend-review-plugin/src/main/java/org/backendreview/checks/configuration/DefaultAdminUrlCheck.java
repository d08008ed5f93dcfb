/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoSettingsApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Django's admin site mounted at the path {@code startproject} writes ({@code path("admin/", admin.site.urls)}, and the
 * {@code re_path}/{@code url} forms {@code ^admin/}): the first URL every scanner tries. A low-severity review point:
 * a path of the project's own, with the admin restricted to staff networks or behind SSO, is the usual remedy.
 */
@Rule(key = "DefaultAdminUrl")
public class DefaultAdminUrlCheck extends BackendReviewCheck {

  private static final Set<String> DEFAULT_PATHS = Set.of("admin/", "^admin/", "^admin", "admin");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkCall);
  }

  private void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (!DjangoSettingsApi.URL_ROUTES.isCalledBy(call)) {
      return;
    }
    Optional<Expression> route = Arguments.value(call, 0, "route").or(() -> Arguments.value(call, 0, "regex"));
    Optional<Expression> view = Arguments.value(call, 1, "view");
    if (route.isEmpty() || view.isEmpty() || !Literals.stringValue(route.get()).filter(DEFAULT_PATHS::contains).isPresent()
      || !isAdminUrls(view.get())) {
      return;
    }
    ctx.addIssue(route.get(), "Mount the admin under a path of your own instead of \"" + Literals.stringValue(route.get()).get()
      + "\", and restrict who can reach it: the default path is the first one scanners and password-guessing bots try.");
  }

  /** {@code admin.site.urls}, or {@code include(admin.site.urls)}. */
  private static boolean isAdminUrls(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof CallExpression include && include.arguments().size() == 1) {
      return Arguments.value(include, 0, "arg").map(DefaultAdminUrlCheck::isSiteUrls).orElse(false);
    }
    return isSiteUrls(expr);
  }

  private static boolean isSiteUrls(Expression expression) {
    return Trees.skipParentheses(expression) instanceof QualifiedExpression urls && "urls".equals(urls.name().name())
      && DjangoSettingsApi.ADMIN_SITE.matches(urls.qualifier());
  }
}
