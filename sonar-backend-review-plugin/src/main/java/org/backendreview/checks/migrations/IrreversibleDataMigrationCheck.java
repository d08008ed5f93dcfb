/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.project.CodeScope;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.check.RuleProperty;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.BaseTreeVisitor;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Django {@code RunPython} without {@code reverse_code} and {@code RunSQL} without {@code reverse_sql} make the
 * whole migration irreversible: {@code migrate app <previous>} fails, and so does the rollback of a bad release.
 * <p>
 * One finding per migration file, on its first irreversible operation, the others as secondary locations (each with its
 * quick fix). By default only migrations no other migration of the app depends on (the leaves: what a change adds) are
 * reported: the others are history ({@link org.backendreview.semantics.project.CodeRole#HISTORY}), already applied
 * everywhere. {@code reportAllMigrations} reports them too.
 */
@Rule(key = "IrreversibleDataMigration")
public class IrreversibleDataMigrationCheck extends BackendReviewCheck {


  @RuleProperty(key = "reportAllMigrations", defaultValue = "false",
    description = "Also report migrations that later migrations of the app depend on (history), not only the leaves of each app's graph")
  public boolean reportAllMigrations = false;

  private FileInput lastFile;
  private List<Irreversible> lastOperations = List.of();

  private record Irreversible(CallExpression call, String reverseKeyword, String operation, Optional<RegularArgument> reverse) {
  }

  @Override
  protected CodeScope codeScope() {
    return reportAllMigrations ? CodeScope.PRODUCT_AND_HISTORY : CodeScope.PRODUCT;
  }

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkCall);
  }

  private void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (irreversible(call).isEmpty()) {
      return;
    }
    List<Irreversible> operations = operationsOf(call);
    if (operations.isEmpty() || operations.get(0).call() != call) {
      // reported once per file, on the first one
      return;
    }
    Irreversible first = operations.get(0);
    String message = "Pass \"" + first.reverseKeyword() + "\" to this " + first.operation() + " (" + first.operation()
      + ".noop when nothing needs undoing): without it the migration cannot be rolled back.";
    if (operations.size() > 1) {
      message += " " + (operations.size() - 1) + " more operation" + (operations.size() > 2 ? "s" : "") + " of this migration "
        + (operations.size() > 2 ? "are" : "is") + " irreversible too.";
    }
    var issue = ctx.addIssue(call.callee(), message);
    for (Irreversible operation : operations) {
      if (operation != first) {
        issue.secondary(operation.call().callee(), operation.operation() + " without " + operation.reverseKeyword());
      }
      addQuickFix(issue, operation);
    }
  }

  /** The irreversible operations of the call's file, in order (computed once per file). */
  private List<Irreversible> operationsOf(CallExpression call) {
    Tree root = call;
    while (root.parent() != null) {
      root = root.parent();
    }
    if (!(root instanceof FileInput file)) {
      return irreversible(call).map(List::of).orElse(List.of());
    }
    if (file != lastFile) {
      List<Irreversible> operations = new ArrayList<>();
      file.accept(new BaseTreeVisitor() {
        @Override
        public void visitCallExpression(CallExpression node) {
          irreversible(node).ifPresent(operations::add);
          super.visitCallExpression(node);
        }
      });
      lastFile = file;
      lastOperations = operations;
    }
    return lastOperations;
  }

  private static Optional<Irreversible> irreversible(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty() || Arguments.hasUnpacking(call)) {
      return Optional.empty();
    }
    if (DjangoApi.RUN_PYTHON.contains(fqn.get())) {
      return irreversible(call, "code", "reverse_code", "RunPython");
    } else if (DjangoApi.RUN_SQL.contains(fqn.get())) {
      return irreversible(call, "sql", "reverse_sql", "RunSQL");
    }
    return Optional.empty();
  }

  private static Optional<Irreversible> irreversible(CallExpression call, String forwardKeyword, String reverseKeyword, String operation) {
    Optional<RegularArgument> reverse = Arguments.of(call, 1, reverseKeyword);
    if (reverse.isPresent() && !Literals.isNone(reverse.get().expression())) {
      return Optional.empty();
    }
    if (Arguments.of(call, 0, forwardKeyword).isEmpty()) {
      // not a complete operation (or a syntax we do not understand)
      return Optional.empty();
    }
    return Optional.of(new Irreversible(call, reverseKeyword, operation, reverse));
  }

  private static void addQuickFix(PreciseIssue issue, Irreversible operation) {
    CallExpression call = operation.call();
    String reverseKeyword = operation.reverseKeyword();
    calleeText(call.callee()).ifPresent(callee -> {
      String noop = callee + ".noop";
      if (operation.reverse().isPresent()) {
        issue.addQuickFix(PythonQuickFix.newQuickFix("Use \"" + noop + "\" as " + reverseKeyword,
          TextEdits.replace(operation.reverse().get().expression(), noop)));
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
