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

class IrreversibleDataMigrationCheckTest {

  private final IrreversibleDataMigrationCheck check = new IrreversibleDataMigrationCheck();

  @Test
  void run_python_and_run_sql_without_reverse() {
    CheckVerifier.verify(Samples.project("migrations/irreversibleDataMigration"), check);
  }

  @Test
  void report_all_migrations_also_reports_history() {
    IrreversibleDataMigrationCheck all = new IrreversibleDataMigrationCheck();
    all.reportAllMigrations = true;
    // the default finds blog's 0001 and shop's 0002; all migrations adds shop's 0001 (depended on) and polls' (replaced)
    assertThat(CheckVerifier.issueLocations(Samples.project("migrations/irreversibleDataMigration"), all))
      .containsExactlyInAnyOrder("0001_initial.py:13", "0001_initial.py:14", "0001_initial.py:13", "0002_fill_slugs.py:21");
  }

  @Test
  void quick_fix_adds_noop_reverse_in_the_file_import_style() {
    QuickFixVerifier.verify(check, """
      from django.db import migrations
      operations = [
          migrations.RunPython(forwards),
          migrations.RunSQL(
              "UPDATE t SET x = 1",
          ),
      ]
      """, """
      from django.db import migrations
      operations = [
          migrations.RunPython(forwards, reverse_code=migrations.RunPython.noop),
          migrations.RunSQL(
              "UPDATE t SET x = 1",
          ),
      ]
      """, """
      from django.db import migrations
      operations = [
          migrations.RunPython(forwards),
          migrations.RunSQL(
              "UPDATE t SET x = 1", reverse_sql=migrations.RunSQL.noop,
          ),
      ]
      """);
  }

  @Test
  void quick_fix_replaces_explicit_none() {
    QuickFixVerifier.verify(check, """
      from django.db.migrations import RunPython
      op = RunPython(forwards, reverse_code=None)
      """, """
      from django.db.migrations import RunPython
      op = RunPython(forwards, reverse_code=RunPython.noop)
      """);
    QuickFixVerifier.verifyMessages(check, """
      from django.db.migrations import RunPython
      op = RunPython(forwards, reverse_code=None)
      """, "Use \"RunPython.noop\" as reverse_code");
  }
}
