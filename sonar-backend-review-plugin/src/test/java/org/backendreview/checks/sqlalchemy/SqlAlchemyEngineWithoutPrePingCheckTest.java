/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SqlAlchemyEngineWithoutPrePingCheckTest {

  @Test
  void server_engines_without_pre_ping() {
    CheckVerifier.verify(Samples.file("sqlalchemy/sqlAlchemyEngineWithoutPrePing.py"), new SqlAlchemyEngineWithoutPrePingCheck());
  }

  @Test
  void quick_fix_adds_pre_ping() {
    QuickFixVerifier.verify(new SqlAlchemyEngineWithoutPrePingCheck(),
      "from sqlalchemy import create_engine\nengine = create_engine(url, pool_size=5)\n",
      "from sqlalchemy import create_engine\nengine = create_engine(url, pool_size=5, pool_pre_ping=True)\n");
  }
}
