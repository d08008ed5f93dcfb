/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.List;

/** SQLAlchemy (family SQA): sessions, engines, async usage, lazy loads, query construction. */
public final class SqlAlchemyChecks {

  public static final List<Class<?>> CHECKS = List.of(
    SqlAlchemyEngineWithoutPrePingCheck.class,
    SqlAlchemyEngineWithoutTimeoutCheck.class,
    SqlAlchemySessionNotClosedCheck.class,
    SqlAlchemyMultipleCommitsCheck.class,
    SqlAlchemyLegacyQueryApiCheck.class,
    SqlAlchemyAsyncSessionQueryCheck.class,
    SqlAlchemyPythonOperatorInFilterCheck.class,
    SqlAlchemyStatementNotExecutedCheck.class,
    SqlAlchemyAttributeAfterAsyncCommitCheck.class,
    SqlAlchemyLazyLoadInLoopCheck.class,
    SqlAlchemyLazyLoadInAsyncCheck.class);

  private SqlAlchemyChecks() {
  }
}
