/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class AlembicBreakingSchemaChangeCheckTest {

  @Test
  void breaking_operations_of_the_heads() {
    CheckVerifier.verify(Samples.project("migrations/alembicBreakingSchemaChange"), new AlembicBreakingSchemaChangeCheck());
  }

  @Test
  void report_all_migrations_also_reports_history() {
    AlembicBreakingSchemaChangeCheck all = new AlembicBreakingSchemaChangeCheck();
    all.reportAllMigrations = true;
    assertThat(CheckVerifier.issueLocations(Samples.project("migrations/alembicBreakingSchemaChange"), all))
      .containsExactlyInAnyOrder("1a0000000001_initial.py:10", "2b0000000002_account_status.py:14", "2c0000000003_second_head.py:11");
  }

  @Test
  void quick_fix_adds_the_default_as_server_default() {
    QuickFixVerifier.verify(new AlembicBreakingSchemaChangeCheck(), """
      from alembic import op
      import sqlalchemy as sa
      revision = "a1"
      down_revision = None
      def upgrade():
          op.add_column("t", sa.Column("n", sa.Integer(), nullable=False, default=0))
      """, """
      from alembic import op
      import sqlalchemy as sa
      revision = "a1"
      down_revision = None
      def upgrade():
          op.add_column("t", sa.Column("n", sa.Integer(), nullable=False, default=0, server_default="0"))
      """);
    QuickFixVerifier.verifyMessages(new AlembicBreakingSchemaChangeCheck(), """
      from alembic import op
      import sqlalchemy as sa
      revision = "a1"
      down_revision = None
      def upgrade():
          op.add_column("t", sa.Column("s", sa.String(9), nullable=False, default="new"))
      """, "Add \"server_default=\"new\"\"");
  }
}
