/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SqlAlchemyAsyncSessionQueryCheckTest {

  @Test
  void query_on_async_sessions() {
    CheckVerifier.verify(Samples.file("sqlalchemy/sqlAlchemyAsyncSessionQuery.py"), new SqlAlchemyAsyncSessionQueryCheck());
  }
}
