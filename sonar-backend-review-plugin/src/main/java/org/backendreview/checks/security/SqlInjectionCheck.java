/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.List;
import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;

/**
 * Request data in the text of an SQL query, for Django (cursors, {@code raw()}, {@code extra()},
 * {@code RawSQL}), DB-API drivers, SQLAlchemy ({@code text()}, {@code execute(str)}, {@code exec_driver_sql}) and async
 * drivers (asyncpg, aiosqlite, psycopg 3, {@code databases}). Unlike SonarPython's S2077, which flags formatted SQL
 * for Django and DB-API cursors whatever the values, this rule follows request data to the query (and through the
 * helpers of the module), and covers SQLAlchemy and async drivers. {@code text()} written as an {@code order_by()}
 * argument is reported by the query-structure rule.
 */
@Rule(key = "SqlInjection")
public class SqlInjectionCheck extends TaintSinkCheck {

  public SqlInjectionCheck() {
    super(Kind.SQL, call -> InjectionSinks.isOrderingText(call) ? List.of() : InjectionSinks.sql(call, true));
  }

  /** With the context: a connection, cursor or session returned by a project function ({@code db().execute(sql)}) too. */
  @Override
  protected List<Sink> sinks(CallExpression call, SubscriptionContext ctx) {
    return InjectionSinks.isOrderingText(call) ? List.of() : InjectionSinks.sql(call, true, ctx);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Pass " + flow.sourceText() + " as a bound query parameter instead of building this SQL query from it.";
  }
}
