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

class NonConcurrentIndexMigrationCheckTest {

  @Test
  void postgresql_project() {
    CheckVerifier.verify(Samples.project("migrations/nonConcurrentIndexMigration"), new NonConcurrentIndexMigrationCheck());
  }

  @Test
  void sqlite_project_is_not_reported() {
    assertThat(CheckVerifier.issues(Samples.project("migrations/nonConcurrentIndexMigrationSqlite"), new NonConcurrentIndexMigrationCheck()))
      .isEmpty();
  }

  @Test
  void unknown_database_says_on_postgresql() {
    var issues = CheckVerifier.issues(Samples.project("migrations/nonConcurrentIndexMigrationUnknown"), new NonConcurrentIndexMigrationCheck());
    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).primaryLocation().message()).contains("blocks the writes to \"product\" on PostgreSQL until it completes.");
  }

  @Test
  void quick_fix_sets_atomic_false() throws Exception {
    var project = Samples.project("migrations/nonConcurrentIndexMigration");
    var issue = CheckVerifier.issues(project, new NonConcurrentIndexMigrationCheck()).stream()
      .filter(i -> i.primaryLocation().message().startsWith("Set \"atomic = False\"")).findFirst().orElseThrow();
    assertThat(issue.quickFixes()).hasSize(1);
    String file = project.stream().filter(p -> p.endsWith("0002_concurrent_index.py")).findFirst().orElseThrow();
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(file));
    assertThat(QuickFixVerifier.apply(text, issue.quickFixes().get(0)))
      .contains("class Migration(migrations.Migration):\n    atomic = False\n    dependencies = [(\"crm\", \"0001_initial\")]");
  }

  @Test
  void report_all_migrations_also_reports_history() {
    NonConcurrentIndexMigrationCheck all = new NonConcurrentIndexMigrationCheck();
    all.reportAllMigrations = true;
    assertThat(CheckVerifier.issueLocations(Samples.project("migrations/nonConcurrentIndexMigration"), all))
      .containsExactlyInAnyOrder("0002_indexes.py:8", "0002_concurrent_index.py:9");
  }
}
