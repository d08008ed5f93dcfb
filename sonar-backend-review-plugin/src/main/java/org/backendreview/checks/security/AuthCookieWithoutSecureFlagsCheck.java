/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.security.AuthCookies;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.quickfix.PythonTextEdit;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-20: a cookie that carries authentication (session id, access or refresh token, JWT, remember-me), set in code with
 * {@code set_cookie}/{@code set_signed_cookie} without {@code secure=True} or {@code httponly=True}, or with
 * {@code samesite="none"} and no {@code secure}. Django, Starlette and Werkzeug all default both flags to {@code False}
 * for cookies set in code (Django's {@code SESSION_COOKIE_*} settings only cover its own session cookie). Other cookies
 * (language, theme, CSRF) are left to SonarPython's S2092/S3330.
 */
@Rule(key = "AuthCookieWithoutSecureFlags")
public class AuthCookieWithoutSecureFlagsCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, AuthCookieWithoutSecureFlagsCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (!AuthCookies.isSetCookie(call) || Arguments.hasKeywordUnpacking(call) || Arguments.hasUnpacking(call)
      || !AnalysisContext.of(ctx).importsWebFramework()) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (function != null && TestCode.isTestScenario(function) || AuthCookies.isDeletion(call) || !AuthCookies.carriesAuth(call)) {
      return;
    }
    List<String> missing = new ArrayList<>();
    List<String> appended = new ArrayList<>();
    List<PythonTextEdit> edits = new ArrayList<>();
    for (String flag : List.of("secure", "httponly")) {
      Optional<RegularArgument> argument = Arguments.keyword(call, flag);
      if (argument.isEmpty()) {
        missing.add(flag);
        appended.add(flag + "=True");
      } else if (Literals.booleanValue(argument.get().expression()).filter(v -> !v).isPresent()) {
        missing.add(flag);
        edits.add(TextEdits.replace(argument.get().expression(), "True"));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    if (!appended.isEmpty()) {
      edits.add(TextEdits.appendArgument(call, String.join(", ", appended)));
    }
    boolean sameSiteNone = Arguments.keyword(call, "samesite").map(RegularArgument::expression).flatMap(Literals::stringValue)
      .filter(v -> "none".equals(v.toLowerCase(Locale.ROOT))).isPresent();
    String cookie = AuthCookies.cookieName(call).map(n -> "\"" + n + "\" ").orElse("");
    String flags = String.join(" and ", missing.stream().map(f -> f + "=True").toList());
    String why = missing.contains("secure") && missing.contains("httponly")
      ? "it carries authentication, and would be sent over plain HTTP and readable by any injected script."
      : missing.contains("secure") ? "it carries authentication, and would be sent over plain HTTP."
      : "it carries authentication, and any injected script could read it.";
    if (sameSiteNone && missing.contains("secure")) {
      why = "it carries authentication and is sent on cross-site requests (samesite=\"none\"), and browsers reject such a cookie without secure.";
    }
    var issue = ctx.addIssue(call.callee(), "Add " + flags + " to this " + cookie + "cookie: " + why);
    Expression value = Arguments.value(call, 1, "value").orElse(null);
    if (value != null) {
      issue.secondary(value, "The cookie's value.");
    }
    issue.addQuickFix(PythonQuickFix.newQuickFix("Add " + flags, edits.toArray(PythonTextEdit[]::new)));
  }
}
