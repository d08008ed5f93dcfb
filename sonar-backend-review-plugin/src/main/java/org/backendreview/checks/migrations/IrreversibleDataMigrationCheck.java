/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.List;
import java.util.Optional;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Django {@code RunPython} without {@code reverse_code} and {@code RunSQL} without {@code reverse_sql} make the
 * whole migration irreversible: {@code migrate app <previous>} fails, and so does the rollback of a bad release.
 */
@Rule(key = "IrreversibleDataMigration")
public class IrreversibleDataMigrationCheck extends PythonSubscriptionCheck {


  @Override
  public void initialize(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, IrreversibleDataMigrationCheck::checkCall);
  }

  private static void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty() || Arguments.hasUnpacking(call)) {
      return;
    }
    if (DjangoApi.RUN_PYTHON.contains(fqn.get())) {
      check(ctx, call, "code", "reverse_code", "RunPython");
    } else if (DjangoApi.RUN_SQL.contains(fqn.get())) {
      check(ctx, call, "sql", "reverse_sql", "RunSQL");
    }
  }

  private static void check(SubscriptionContext ctx, CallExpression call, String forwardKeyword, String reverseKeyword, String operation) {
    Optional<RegularArgument> reverse = Arguments.of(call, 1, reverseKeyword);
    if (reverse.isPresent() && !Literals.isNone(reverse.get().expression())) {
      return;
    }
    if (Arguments.of(call, 0, forwardKeyword).isEmpty()) {
      // not a complete operation (or a syntax we do not understand)
      return;
    }
    String message = "Pass \"" + reverseKeyword + "\" to this " + operation + " (" + operation + ".noop when nothing needs undoing): "
      + "without it the migration cannot be rolled back.";
    var issue = ctx.addIssue(call.callee(), message);
    calleeText(call.callee()).ifPresent(callee -> {
      String noop = callee + ".noop";
      if (reverse.isPresent()) {
        issue.addQuickFix(PythonQuickFix.newQuickFix("Use \"" + noop + "\" as " + reverseKeyword,
          TextEdits.replace(reverse.get().expression(), noop)));
      } else {
        List<Argument> arguments = call.arguments();
        Argument last = arguments.get(arguments.size() - 1);
        issue.addQuickFix(PythonQuickFix.newQuickFix("Add \"" + reverseKeyword + "=" + noop + "\"",
          TextEdits.insertAfter(last, ", " + reverseKeyword + "=" + noop)));
      }
    });
  }

  /** Source text of a dotted callee ({@code migrations.RunPython}), to reuse the file's own import style. */
  private static Optional<String> calleeText(Expression callee) {
    Expression expr = Trees.skipParentheses(callee);
    if (expr instanceof Name name) {
      return Optional.of(name.name());
    }
    if (expr instanceof QualifiedExpression qualified) {
      return calleeText(qualified.qualifier()).map(q -> q + "." + qualified.name().name());
    }
    return Optional.empty();
  }
}
