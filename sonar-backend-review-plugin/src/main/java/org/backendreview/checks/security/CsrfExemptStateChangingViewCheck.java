/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.security.DjangoSessionAuth;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-10: a Django view exempt from CSRF protection ({@code @csrf_exempt}, {@code @method_decorator(csrf_exempt)} on the
 * view or its {@code dispatch}) that acts for the user of the session cookie (reads {@code request.user} or
 * {@code request.session}, or requires a login) and changes state (an ORM write, {@code save()}/{@code delete()}, a
 * session write), with no other proof of who sent the request: no signature, HMAC, token or constant-time comparison.
 * A page of another site can then make the victim's browser submit it. SonarPython's S4502 reports every exemption;
 * this rule only those where a forged request acts for the victim: webhooks, token-authenticated APIs, and exempt views
 * that use no session identity stay silent.
 */
@Rule(key = "CsrfExemptStateChangingView")
public class CsrfExemptStateChangingViewCheck extends BackendReviewCheck {

  private static final Set<String> STATE_CHANGING_METHODS = Set.of("post", "put", "patch", "delete", "dispatch");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, CsrfExemptStateChangingViewCheck::checkFunction);
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, CsrfExemptStateChangingViewCheck::checkClass);
  }

  private static void checkFunction(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<Decorator> exemption = DjangoSessionAuth.csrfExemption(function);
    if (exemption.isEmpty() || TestCode.isTestScenario(function)) {
      return;
    }
    ClassDef owner = Trees.methodOwner(function);
    List<FunctionDef> scope = new ArrayList<>();
    scope.add(function);
    boolean loginRequired = DjangoSessionAuth.requiresLogin(function);
    if (owner != null) {
      if (TestCode.isTestClass(owner)) {
        return;
      }
      if ("dispatch".equals(function.name().name())) {
        scope.addAll(stateChangingMethods(owner));
      }
      loginRequired |= DjangoSessionAuth.requiresLogin(owner);
    }
    report(ctx, exemption.get(), scope, loginRequired);
  }

  private static void checkClass(SubscriptionContext ctx) {
    ClassDef view = (ClassDef) ctx.syntaxNode();
    Optional<Decorator> exemption = view.decorators().stream().filter(DjangoSessionAuth::isCsrfExemption).findFirst();
    if (exemption.isEmpty() || TestCode.isTestClass(view)) {
      return;
    }
    report(ctx, exemption.get(), stateChangingMethods(view), DjangoSessionAuth.requiresLogin(view));
  }

  private static List<FunctionDef> stateChangingMethods(ClassDef view) {
    List<FunctionDef> methods = new ArrayList<>();
    for (Statement statement : view.body().statements()) {
      if (statement instanceof FunctionDef method && STATE_CHANGING_METHODS.contains(method.name().name())) {
        methods.add(method);
      }
    }
    return methods;
  }

  private static void report(SubscriptionContext ctx, Decorator exemption, List<FunctionDef> scope, boolean loginRequired) {
    Tree identity = null;
    Tree write = null;
    for (FunctionDef function : scope) {
      List<Tree> nodes = new ArrayList<>();
      Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), nodes::add);
      for (Tree t : nodes) {
        if (t instanceof CallExpression call && DjangoSessionAuth.isRequestVerification(call)) {
          return;
        }
        if (identity == null && DjangoSessionAuth.isSessionIdentityRead(t)) {
          identity = t;
        }
        if (write == null && t instanceof CallExpression call && DjangoSessionAuth.isViewWrite(call, ctx)) {
          write = call;
        }
      }
    }
    if (write == null || identity == null && !loginRequired) {
      return;
    }
    var issue = ctx.addIssue(exemption.expression(), "Verify this CSRF exemption: the view writes for the user of the session cookie and checks no"
      + " token or signature; remove \"csrf_exempt\" or authenticate the request another way.")
      .secondary(write, "State changes here.");
    if (identity != null) {
      issue.secondary(identity, "The view acts for the session's user.");
    }
  }
}
