/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SqlAlchemyLegacyQueryApiCheckTest {

  @Test
  void legacy_api_in_20_module() {
    CheckVerifier.verify(Samples.file("sqlalchemy/sqlAlchemyLegacyQueryApi.py"), new SqlAlchemyLegacyQueryApiCheck());
  }

  @Test
  void legacy_api_in_14_module_is_not_reported() {
    CheckVerifier.verifyNoIssue(Samples.file("sqlalchemy/sqlAlchemyLegacyQueryApi14.py"), new SqlAlchemyLegacyQueryApiCheck());
  }
}
