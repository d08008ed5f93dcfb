/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SqlAlchemyEngineWithoutTimeoutCheckTest {

  @Test
  void server_engines_without_timeouts() {
    CheckVerifier.verify(Samples.file("sqlalchemy/sqlAlchemyEngineWithoutTimeout.py"), new SqlAlchemyEngineWithoutTimeoutCheck());
  }
}
