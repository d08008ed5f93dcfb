/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.Optional;
import org.backendreview.flow.SafeText;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Database;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;

/**
 * SQL text built by string formatting for SQLAlchemy ({@code text()},
 * {@code literal_column()}, {@code execute(str)}, {@code exec_driver_sql()}) and async drivers (asyncpg, aiosqlite,
 * aiopg, psycopg 3, {@code databases}), when a formatted value is not fixed by the program (see {@link SafeText}),
 * even without proven request data: typically a table or column name from a loop, a parameter or a configuration
 * value. SonarPython's S2077 covers formatted SQL for Django and DB-API cursors only, so this rule covers the other
 * APIs and leaves those to it; values proven to come from the request are reported by {@code SqlInjection} instead.
 */
@Rule(key = "DynamicSqlQuery")
public class DynamicSqlQueryCheck extends TaintEngineCheck {

  @Override
  protected void visitCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    for (Sink sink : InjectionSinks.sql(call, false)) {
      Optional<Database> database = InjectionSinks.databaseOf(sink);
      if (database.filter(d -> d == Database.SQLALCHEMY || d == Database.ASYNC_DRIVER).isEmpty()) {
        continue;
      }
      Optional<Expression> dynamic = SafeText.firstDynamicValue(sink.argument());
      if (dynamic.isPresent() && engine(ctx).flowTo(sink.argument(), Kind.SQL, ctx).isEmpty()) {
        String value = describe(dynamic.get());
        ctx.addIssue(call.callee(), "Bind " + value + " as a query parameter, or check it against an allow-list (for a table or column name, "
          + "inspect(engine) or quoted_name()) before formatting it into this SQL.")
          .secondary(dynamic.get(), "Formatted into the SQL text");
        return;
      }
    }
  }

  private static String describe(Expression value) {
    Expression expr = Trees.skipParentheses(value);
    if (expr instanceof Name name) {
      return "\"" + name.name() + "\"";
    }
    if (expr instanceof QualifiedExpression qualified && InjectionSinks.receiverText(qualified).length() <= 40) {
      return "\"" + InjectionSinks.receiverText(qualified) + "\"";
    }
    return "this value";
  }
}
