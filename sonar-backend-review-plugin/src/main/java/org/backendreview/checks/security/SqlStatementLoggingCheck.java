/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.checks.ReportsIn;
import org.backendreview.semantics.project.CodeScope;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * SQL statement logging turned on in product code: SQLAlchemy's {@code create_engine(..., echo=True)} (or
 * {@code echo="debug"}, and the same on {@code create_async_engine}), which logs every statement with its bound
 * parameters (passwords, tokens, personal data) at INFO. Scripts, tests and {@code __main__} blocks are not reviewed;
 * an {@code echo=} read from configuration is unknown and fine. Django's {@code django.db.backends} logger is not
 * reported: Django only logs SQL when {@code DEBUG} is on, which {@code DebugEnabledInDeployedSettings} reports.
 */
@Rule(key = "SqlStatementLogging")
@ReportsIn(CodeScope.PRODUCT)
public class SqlStatementLoggingCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, SqlStatementLoggingCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (!SqlAlchemyApi.CREATE_ENGINE.isCalledBy(call) && !SqlAlchemyApi.CREATE_ASYNC_ENGINE.isCalledBy(call)) {
      return;
    }
    Optional<RegularArgument> echo = Arguments.keyword(call, "echo").filter(a -> Literals.booleanValue(a.expression()).orElse(false)
      || Literals.stringValue(a.expression()).filter("debug"::equals).isPresent());
    echo.ifPresent(arg -> ctx.addIssue(arg, "Remove " + (Literals.booleanValue(arg.expression()).isPresent() ? "echo=True" : "echo=\"debug\"")
      + " from this engine: it logs every SQL statement with its parameters, passwords and personal data included; "
      + "configure the \"sqlalchemy.engine\" logger where you need it."));
  }
}
