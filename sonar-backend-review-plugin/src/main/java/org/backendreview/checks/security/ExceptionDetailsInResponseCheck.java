/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.security.ErrorResponses;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SEC-21: the text of an unexpected exception sent to the client: {@code HTTPException(detail=str(e))},
 * {@code JSONResponse({"error": repr(exc)})}, DRF {@code Response({"detail": str(e)})},
 * {@code HttpResponse(traceback.format_exc())}, inside an {@code except} that catches server-side errors (everything,
 * database, OS, network, subprocess errors). Validation errors caught by their own class are written for the client
 * and stay silent, as do answers guarded by {@code if settings.DEBUG} and tests.
 */
@Rule(key = "ExceptionDetailsInResponse")
public class ExceptionDetailsInResponseCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, ExceptionDetailsInResponseCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (!ErrorResponses.CLIENT_RESPONSES.isCalledBy(call)) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (function != null && TestCode.isTestScenario(function) || isDebugOnly(call, function)) {
      return;
    }
    ExceptClause except = enclosingExcept(call, function);
    SymbolV2 exception = null;
    if (except != null && ErrorResponses.catchesServerErrors(except) && except.exceptionInstance() instanceof Name name) {
      exception = name.symbolV2();
    }
    for (Argument argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular)) {
        continue;
      }
      Optional<org.sonar.plugins.python.api.tree.Tree> text = ErrorResponses.exceptionText(regular.expression(), exception);
      if (text.isPresent() && !isDebugOnly(text.get(), function)) {
        var issue = ctx.addIssue(text.get(), "Send a generic error message instead of \"" + SourceText.of(text.get())
          + "\": exception text reveals internals (queries, paths, hosts, versions) to the client; log it on the server.");
        if (except != null) {
          issue.secondary(except.exceptKeyword(), "The exception is caught here.");
        }
        return;
      }
    }
  }

  private static ExceptClause enclosingExcept(Tree tree, FunctionDef function) {
    Tree except = Trees.firstAncestor(tree, t -> t.is(Tree.Kind.EXCEPT_CLAUSE, Tree.Kind.EXCEPT_GROUP_CLAUSE) || t == function);
    return except instanceof ExceptClause clause ? clause : null;
  }

  /**
   * Inside {@code if settings.DEBUG:} or {@code ... if settings.DEBUG else ...} (any condition naming DEBUG): a
   * development-only answer.
   */
  private static boolean isDebugOnly(Tree tree, FunctionDef function) {
    for (Tree t = tree; t != null && t != function; t = t.parent()) {
      if (t instanceof IfStatement ifStatement && namesDebug(ifStatement.condition())
        || t instanceof ConditionalExpression conditional && namesDebug(conditional.condition())) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesDebug(Tree condition) {
    return SourceText.of(condition).toUpperCase(java.util.Locale.ROOT).contains("DEBUG");
  }
}
