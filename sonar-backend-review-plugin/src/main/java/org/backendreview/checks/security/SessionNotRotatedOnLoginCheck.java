/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.security.DjangoSessionAuth;
import org.backendreview.semantics.security.PasswordVerifications;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Session fixation: a hand-written Django login stores the authenticated identity in the session
 * ({@code request.session["user_id"] = user.pk}, {@code request.session["authenticated"] = True},
 * {@code request.session[SESSION_KEY] = ...}) without giving the session a new key ({@code request.session.cycle_key()},
 * {@code flush()}, or Django's {@code login()}, which does both). Only in a login: a function or class named for one
 * ({@code login}, {@code sign_in}, {@code authenticate}) or one that verifies a password or calls {@code authenticate()}.
 * Silent when a method of the same class rotates the session, when the value stored is {@code None}/{@code False}
 * (a logout), in modules that do not import Django (Flask's and Starlette's default sessions are signed cookies the
 * client holds), and in tests.
 */
@Rule(key = "SessionNotRotatedOnLogin")
public class SessionNotRotatedOnLoginCheck extends BackendReviewCheck {

  private static final Set<String> LOGIN_WORDS = Set.of("login", "signin", "logon", "authenticate", "authentication");
  private static final Set<String> LOGIN_PAIRS = Set.of("sign_in", "log_in", "log_on");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, SessionNotRotatedOnLoginCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    if (TestCode.isTestScenario(function)) {
      return;
    }
    List<AssignmentStatement> assignments = Trees.descendantsInSameScope(function.body(), Tree.Kind.ASSIGNMENT_STMT, AssignmentStatement.class);
    AssignmentStatement store = null;
    Expression key = null;
    for (AssignmentStatement assignment : assignments) {
      if (Literals.isNone(assignment.assignedValue()) || Literals.booleanValue(assignment.assignedValue()).filter(b -> !b).isPresent()) {
        continue;
      }
      for (ExpressionList lhs : assignment.lhsExpressions()) {
        for (Expression target : lhs.expressions()) {
          Optional<Expression> identity = DjangoSessionAuth.identitySessionKey(target);
          if (identity.isPresent() && store == null) {
            store = assignment;
            key = identity.get();
          }
        }
      }
    }
    if (store == null || !DjangoSessionAuth.importsDjango(AnalysisContext.of(ctx)) || !isLogin(function)) {
      return;
    }
    ClassDef owner = Trees.methodOwner(function);
    if (rotates(owner != null ? owner : function)) {
      return;
    }
    ctx.addIssue(store, "Call \"request.session.cycle_key()\" (or Django's \"login()\") before storing "
      + Trees.skipParentheses(key).firstToken().value() + " in the session: a session id planted before the login would stay valid after it.")
      .secondary(function.name(), "The login.");
  }

  private static boolean isLogin(FunctionDef function) {
    if (isLoginName(function.name().name())) {
      return true;
    }
    ClassDef owner = Trees.methodOwner(function);
    if (owner != null && isLoginName(owner.name().name())) {
      return true;
    }
    boolean[] verifies = {false};
    Trees.walk(function.body(), t -> !verifies[0] && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof CallExpression call && (PasswordVerifications.isVerification(call)
        || org.backendreview.tree.Fqns.calleeName(call).filter("authenticate"::equals).isPresent())) {
        verifies[0] = true;
      }
    });
    return verifies[0];
  }

  private static boolean isLoginName(String identifier) {
    List<String> words = Secrets.words(identifier);
    for (int i = 0; i < words.size(); i++) {
      if (LOGIN_WORDS.contains(words.get(i)) || i + 1 < words.size() && LOGIN_PAIRS.contains(words.get(i) + "_" + words.get(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean rotates(Tree scope) {
    boolean[] found = {false};
    Trees.walk(scope, t -> !found[0], t -> {
      if (t instanceof CallExpression call && DjangoSessionAuth.rotatesSession(call)) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
