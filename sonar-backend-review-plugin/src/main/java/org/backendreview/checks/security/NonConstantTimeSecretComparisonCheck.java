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
import org.backendreview.flow.TaintEngine;
import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.tree.Literals;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.quickfix.PythonTextEdit;
import org.sonar.plugins.python.api.tree.AliasedName;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.ImportName;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-15: {@code ==}/{@code !=} between a secret and the value it is checked against: a MAC computed with
 * {@code hmac} compared with anything, a secret-named value (token, API key, signature, password hash...) compared with
 * request data, or two differently named secrets ({@code token != user.api_token}). Silent when both sides come from the
 * request, for constants, in {@code __eq__} methods and test scenarios, for password confirmations
 * ({@code new_password != confirm_password}) and for the same attribute of two objects ({@code a.token == b.token}).
 */
@Rule(key = "NonConstantTimeSecretComparison")
public class NonConstantTimeSecretComparisonCheck extends BackendReviewCheck {

  private static final Set<String> EQUALITY_METHODS = Set.of("__eq__", "__ne__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__");
  /** Words of names that hold a user's own second entry or a previous value, not a secret to check against. */
  private static final Set<String> USER_ENTRY_WORDS = Set.of("re", "confirm", "confirmation", "confirmed", "repeat", "repeated", "again", "new",
    "old", "current", "previous", "prev", "initial", "retype", "verify", "raw", "plain", "plaintext", "cleartext", "masked", "original",
    "last", "cached", "saved");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.COMPARISON, NonConstantTimeSecretComparisonCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    BinaryExpression comparison = (BinaryExpression) ctx.syntaxNode();
    String operator = comparison.operator().value();
    if (!("==".equals(operator) || "!=".equals(operator)) || comparison.leftOperand().is(Tree.Kind.COMPARISON)
      || comparison.parent().is(Tree.Kind.COMPARISON)) {
      return;
    }
    Expression left = Trees.skipParentheses(comparison.leftOperand());
    Expression right = Trees.skipParentheses(comparison.rightOperand());
    if (isConstant(left) || isConstant(right) || isClassConstant(left) || isClassConstant(right) || isExcludedFunction(comparison)
      || isChangeDetection(comparison, left, right)) {
      return;
    }
    Optional<CallExpression> macLeft = Secrets.macComputation(left);
    Optional<CallExpression> macRight = Secrets.macComputation(right);
    if (macLeft.isPresent() != macRight.isPresent()) {
      Expression mac = macLeft.isPresent() ? left : right;
      CallExpression computation = macLeft.orElseGet(macRight::get);
      PythonSubscriptionCheck.PreciseIssue issue = ctx.addIssue(comparison, message(operator, SourceText.of(mac)));
      if (computation != mac) {
        issue.secondary(computation, "The MAC is computed here.");
      }
      addQuickFix(issue, comparison, operator);
      return;
    }
    if (macLeft.isPresent()) {
      return;
    }
    boolean secretLeft = Secrets.isSecretNamed(left);
    boolean secretRight = Secrets.isSecretNamed(right);
    if (!secretLeft && !secretRight || isUserEntry(left) || isUserEntry(right)) {
      return;
    }
    TaintEngine engine = TaintEngine.of(ctx);
    Optional<TaintFlow> taintLeft = engine.flowTo(left, Kind.SECRET_COMPARISON, ctx);
    Optional<TaintFlow> taintRight = engine.flowTo(right, Kind.SECRET_COMPARISON, ctx);
    if (taintLeft.isPresent() && taintRight.isPresent()) {
      return;
    }
    Expression secret;
    Optional<TaintFlow> flow;
    if (taintLeft.isPresent() || taintRight.isPresent()) {
      secret = taintLeft.isPresent() ? right : left;
      flow = taintLeft.isPresent() ? taintLeft : taintRight;
      if (!Secrets.isSecretNamed(secret)) {
        return;
      }
    } else if (secretLeft && secretRight && !sameName(left, right)) {
      secret = right;
      flow = Optional.empty();
    } else {
      return;
    }
    PythonSubscriptionCheck.PreciseIssue issue = ctx.addIssue(comparison, message(operator, SourceText.of(secret)));
    flow.ifPresent(f -> f.addTo(issue));
    addQuickFix(issue, comparison, operator);
  }

  private static String message(String operator, String secret) {
    return "Compare \"" + secret + "\" with hmac.compare_digest() instead of \"" + operator
      + "\": the time a string comparison takes tells an attacker how many leading characters they guessed right.";
  }

  private static boolean isConstant(Expression expression) {
    return Literals.isConstant(expression) || Literals.isNone(expression) || expression instanceof StringLiteral
      || expression.is(Tree.Kind.LIST_LITERAL, Tree.Kind.TUPLE, Tree.Kind.DICTIONARY_LITERAL, Tree.Kind.SET_LITERAL)
      || expression instanceof Name name && name.name().chars().noneMatch(Character::isLowerCase) && !Secrets.isSecretName(name.name())
      || expression instanceof CallExpression call && call.callee() instanceof Name callee && Set.of("len", "type", "bool", "int", "id").contains(callee.name());
  }

  /** {@code self.reset_url_token} where the class sets {@code reset_url_token = "set-password"}: a constant, not a secret. */
  private static boolean isClassConstant(Expression expression) {
    if (!(expression instanceof QualifiedExpression q && q.qualifier() instanceof Name self && ("self".equals(self.name()) || "cls".equals(self.name())))) {
      return false;
    }
    ClassDef cls = Trees.enclosingClass(expression);
    if (cls == null) {
      return false;
    }
    for (Statement statement : cls.body().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name target && target.name().equals(q.name().name())) {
        return Trees.skipParentheses(assignment.assignedValue()) instanceof StringLiteral;
      }
    }
    return false;
  }

  /** {@code if user.totp_secret != secret: user.totp_secret = secret}: an update of a changed value, not a check. */
  private static boolean isChangeDetection(BinaryExpression comparison, Expression left, Expression right) {
    Tree ifStatement = Trees.firstAncestor(comparison, t -> t.is(Tree.Kind.IF_STMT) || t instanceof Statement);
    if (!(ifStatement instanceof IfStatement statement) || !Trees.isAncestorOrSelf(statement.condition(), comparison)) {
      return false;
    }
    String leftText = SourceText.of(left);
    String rightText = SourceText.of(right);
    for (Statement s : statement.body().statements()) {
      if (s instanceof AssignmentStatement assignment) {
        for (var lhs : assignment.lhsExpressions()) {
          String target = SourceText.of(lhs);
          if (target.equals(leftText) || target.equals(rightText)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isExcludedFunction(Tree tree) {
    FunctionDef function = Trees.enclosingFunction(tree);
    return function != null && (EQUALITY_METHODS.contains(function.name().name()) || TestCode.isTestScenario(function));
  }

  private static boolean isUserEntry(Expression expression) {
    return Secrets.nameOf(expression).map(Secrets::words).filter(words -> words.stream().anyMatch(USER_ENTRY_WORDS::contains)).isPresent();
  }

  /** {@code a.token == b.token}: the same field of two objects (two records compared), not a secret checked. */
  private static boolean sameName(Expression left, Expression right) {
    return Secrets.nameOf(left).equals(Secrets.nameOf(right));
  }

  private static void addQuickFix(PythonSubscriptionCheck.PreciseIssue issue, BinaryExpression comparison, String operator) {
    FileInput file = (FileInput) Trees.firstAncestor(comparison, Tree.Kind.FILE_INPUT);
    Token leftEnd = comparison.leftOperand().lastToken();
    Token rightStart = comparison.rightOperand().firstToken();
    if (file == null || leftEnd.line() != rightStart.line()) {
      return;
    }
    List<PythonTextEdit> edits = new ArrayList<>();
    if (!importsHmac(file)) {
      Statement anchor = importAnchor(file);
      if (anchor == null) {
        return;
      }
      edits.add(TextEdits.insertBefore(anchor, "import hmac\n"));
    }
    String call = "!=".equals(operator) ? "not hmac.compare_digest(" : "hmac.compare_digest(";
    edits.add(TextEdits.insertBefore(comparison.firstToken(), call));
    int[] end = TextEdits.end(leftEnd);
    edits.add(new PythonTextEdit(", ", end[0], end[1], rightStart.line(), rightStart.column()));
    edits.add(TextEdits.insertAfter(comparison.lastToken(), ")"));
    issue.addQuickFix(PythonQuickFix.newQuickFix("Use hmac.compare_digest()", edits.toArray(PythonTextEdit[]::new)));
  }

  private static boolean importsHmac(FileInput file) {
    if (file.statements() == null) {
      return false;
    }
    for (Statement statement : file.statements().statements()) {
      if (statement instanceof ImportName importName) {
        for (AliasedName module : importName.modules()) {
          if (module.alias() == null && module.dottedName().names().size() == 1 && "hmac".equals(module.dottedName().names().get(0).name())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The first top-level import that is not {@code from __future__}, else the first statement after the docstring and those. */
  private static Statement importAnchor(FileInput file) {
    if (file.statements() == null) {
      return null;
    }
    Statement fallback = null;
    for (Statement statement : file.statements().statements()) {
      boolean future = statement instanceof ImportFrom from && from.module() != null && from.module().names().size() == 1
        && "__future__".equals(from.module().names().get(0).name());
      if (statement instanceof ImportName || statement instanceof ImportFrom && !future) {
        return statement;
      }
      boolean docstring = statement instanceof ExpressionStatement expression && expression.expressions().get(0) instanceof StringLiteral;
      if (fallback == null && !future && !docstring) {
        fallback = statement;
      }
    }
    return fallback;
  }
}
