/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SqlAlchemySessionNotClosedCheckTest {

  @Test
  void sessions_not_closed_or_closed_only_on_success() {
    CheckVerifier.verify(Samples.file("sqlalchemy/sqlAlchemySessionNotClosed.py"), new SqlAlchemySessionNotClosedCheck());
  }

  @Test
  void alembic_migrations_are_not_reported() {
    CheckVerifier.verifyNoIssue(Samples.file("sqlalchemy/sqlAlchemyMigration.py"), new SqlAlchemySessionNotClosedCheck());
    CheckVerifier.verifyNoIssue(Samples.file("sqlalchemy/sqlAlchemyMigrateScript.py"), new SqlAlchemySessionNotClosedCheck());
  }
}
