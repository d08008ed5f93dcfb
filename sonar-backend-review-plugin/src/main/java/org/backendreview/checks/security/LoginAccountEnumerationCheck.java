/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.security.PasswordVerifications;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.IsExpression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;
import org.sonar.plugins.python.api.tree.UnaryExpression;

/**
 * SEC-16: a login that looks the account up, then leaves before verifying the password when none matches:
 * {@code if not user or not verify_password(...)}, {@code if user is None: raise ...} before the check, an
 * {@code except User.DoesNotExist: return None} in front of {@code user.check_password(...)}. An unknown account then
 * answers without the cost of a password hash, and the response time tells an attacker which accounts exist. Silent
 * when the early branch does hashing work itself (a dummy hash, {@code User().set_password(password)} as Django's
 * {@code ModelBackend} does), when the account is not looked up in the function (the request's user), and in tests.
 */
@Rule(key = "LoginAccountEnumeration")
public class LoginAccountEnumerationCheck extends BackendReviewCheck {

  private static final String MESSAGE = "Hash the submitted password (against a dummy hash) before this exit too: answering"
    + " an unknown account faster than a wrong password tells an attacker which accounts exist.";

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, LoginAccountEnumerationCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    if (TestCode.isTestScenario(function)) {
      return;
    }
    List<CallExpression> verifications = AnalysisContext.of(ctx).fact(VERIFICATIONS, LoginAccountEnumerationCheck::verificationsByFunction)
      .getOrDefault(function, List.of());
    for (CallExpression verification : verifications) {
      for (Name name : PasswordVerifications.namesRead(verification)) {
        Optional<Tree> lookup = lookup(name, function);
        if (lookup.isEmpty()) {
          continue;
        }
        Optional<Tree> exit = earlyExit(function, verification, name.symbolV2(), lookup.get());
        if (exit.isPresent()) {
          ctx.addIssue(exit.get(), MESSAGE)
            .secondary(verification, "The password is verified only for accounts that exist.")
            .secondary(lookup.get(), "The account is looked up here.");
          return;
        }
      }
    }
  }

  private static final AnalysisContext.Key<Map<FunctionDef, List<CallExpression>>> VERIFICATIONS = AnalysisContext.Key.of(
    "password verifications by function");

  /**
   * The password verifications of the file, by the function whose body holds them (not in a nested function, lambda or
   * class), in document order: from the file's one list of calls, not a walk of each function.
   */
  private static Map<FunctionDef, List<CallExpression>> verificationsByFunction(AnalysisContext file) {
    Map<FunctionDef, List<CallExpression>> byFunction = new IdentityHashMap<>();
    for (CallExpression call : file.calls()) {
      FunctionDef function = Trees.enclosingFunction(call);
      if (function != null && Trees.isAncestorOrSelf(function.body(), call) && PasswordVerifications.isVerification(call)) {
        byFunction.computeIfAbsent(function, f -> new ArrayList<>()).add(call);
      }
    }
    return byFunction;
  }

  /** The assignment of the name from a call ({@code user = User.objects.get(...)}, {@code user = await repo.get(...)}) in this function. */
  private static Optional<Tree> lookup(Name name, FunctionDef function) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return Optional.empty();
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.kind() == UsageV2.Kind.ASSIGNMENT_LHS && Trees.enclosingFunction(usage.tree()) == function
        && Trees.firstAncestor(usage.tree(), Tree.Kind.ASSIGNMENT_STMT) instanceof AssignmentStatement assignment
        && assignment.lhsExpressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().size() == 1) {
        Expression value = Trees.skipParentheses(assignment.assignedValue());
        if (value instanceof AwaitExpression await) {
          value = Trees.skipParentheses(await.expression());
        }
        if (value instanceof CallExpression) {
          return Optional.of(assignment);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Tree> earlyExit(FunctionDef function, CallExpression verification, SymbolV2 user, Tree lookup) {
    // not user or not verify(...) / user and verify(...)
    Tree child = verification;
    for (Tree parent = verification.parent(); parent != null && !(parent instanceof Statement); child = parent, parent = parent.parent()) {
      if (parent instanceof BinaryExpression bool && bool.rightOperand() == child) {
        if (parent.is(Tree.Kind.OR) && isAbsenceTest(bool.leftOperand(), user)) {
          return Optional.of(bool.leftOperand());
        }
        if (parent.is(Tree.Kind.AND) && isPresenceTest(bool.leftOperand(), user)) {
          return Optional.of(bool.leftOperand());
        }
      }
    }
    List<Tree> exits = new ArrayList<>();
    Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof IfStatement ifStatement && Trees.startsBefore(lookup, t) && Trees.startsBefore(t, verification)
        && !Trees.isAncestorOrSelf(t, verification) && leaves(ifStatement.body()) && !doesHashingWork(ifStatement.body())) {
        absenceTest(ifStatement.condition(), user).ifPresent(exits::add);
      } else if (t instanceof TryStatement tryStatement && Trees.isAncestorOrSelf(tryStatement.body(), lookup)
        && Trees.startsBefore(t, verification)) {
        boolean inElse = tryStatement.elseClause() != null && Trees.isAncestorOrSelf(tryStatement.elseClause(), verification);
        for (ExceptClause except : tryStatement.exceptClauses()) {
          if ((inElse || leaves(except.body())) && !doesHashingWork(except.body()) && !Trees.isAncestorOrSelf(except, verification)) {
            exits.add(except.exceptKeyword());
          }
        }
      }
    });
    return exits.stream().findFirst();
  }

  /** True when the block ends the function or the loop iteration: its last statement returns, raises or continues. */
  private static boolean leaves(StatementList body) {
    List<Statement> statements = body.statements();
    return !statements.isEmpty() && statements.get(statements.size() - 1).is(Tree.Kind.RETURN_STMT, Tree.Kind.RAISE_STMT, Tree.Kind.CONTINUE_STMT);
  }

  private static boolean doesHashingWork(Tree block) {
    boolean[] found = {false};
    Trees.walk(block, t -> !found[0], t -> {
      if (t instanceof CallExpression call && PasswordVerifications.isHashingWork(call)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** The absence test of the account in a condition: the condition itself or one operand of a top-level {@code or}. */
  private static Optional<Tree> absenceTest(Expression condition, SymbolV2 user) {
    Expression c = Trees.skipParentheses(condition);
    if (isAbsenceTest(c, user)) {
      return Optional.of(c);
    }
    if (c.is(Tree.Kind.OR)) {
      BinaryExpression or = (BinaryExpression) c;
      return absenceTest(or.leftOperand(), user).or(() -> absenceTest(or.rightOperand(), user));
    }
    return Optional.empty();
  }

  /** {@code not user}, {@code user is None}, {@code user == None}. */
  private static boolean isAbsenceTest(Expression expression, SymbolV2 user) {
    Expression e = Trees.skipParentheses(expression);
    if (e.is(Tree.Kind.NOT)) {
      return isUser(((UnaryExpression) e).expression(), user);
    }
    if (e instanceof IsExpression is && is.notToken() == null) {
      return isUser(is.leftOperand(), user) && Literals.isNone(is.rightOperand());
    }
    if (e.is(Tree.Kind.COMPARISON) && "==".equals(((BinaryExpression) e).operator().value())) {
      return isUser(((BinaryExpression) e).leftOperand(), user) && Literals.isNone(((BinaryExpression) e).rightOperand());
    }
    return false;
  }

  /** {@code user}, {@code user is not None}. */
  private static boolean isPresenceTest(Expression expression, SymbolV2 user) {
    Expression e = Trees.skipParentheses(expression);
    if (e instanceof IsExpression is && is.notToken() != null) {
      return isUser(is.leftOperand(), user) && Literals.isNone(is.rightOperand());
    }
    return isUser(e, user);
  }

  private static boolean isUser(Expression expression, SymbolV2 user) {
    return Trees.skipParentheses(expression) instanceof Name name && name.symbolV2() == user;
  }
}
