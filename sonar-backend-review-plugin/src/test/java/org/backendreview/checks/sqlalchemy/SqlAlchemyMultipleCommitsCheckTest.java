/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SqlAlchemyMultipleCommitsCheckTest {

  @Test
  void intermediate_commits_and_commits_per_item() {
    CheckVerifier.verify(Samples.file("sqlalchemy/sqlAlchemyMultipleCommits.py"), new SqlAlchemyMultipleCommitsCheck());
  }

  @Test
  void alembic_migrations_are_not_reported() {
    CheckVerifier.verifyNoIssue(Samples.file("sqlalchemy/sqlAlchemyMigration.py"), new SqlAlchemyMultipleCommitsCheck());
    CheckVerifier.verifyNoIssue(Samples.file("sqlalchemy/sqlAlchemyMigrateScript.py"), new SqlAlchemyMultipleCommitsCheck());
  }

  @Test
  void sequential_transaction_blocks_of_one_function() {
    CheckVerifier.verify(Samples.project("sqlalchemy/splitTransactions"), new SqlAlchemyMultipleCommitsCheck());
  }
}
