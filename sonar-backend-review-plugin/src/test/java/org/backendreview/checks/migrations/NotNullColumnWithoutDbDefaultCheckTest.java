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

class NotNullColumnWithoutDbDefaultCheckTest {

  @Test
  void not_null_columns_on_existing_tables() {
    CheckVerifier.verify(Samples.project("migrations/notNullColumnWithoutDbDefault"), new NotNullColumnWithoutDbDefaultCheck());
  }

  @Test
  void report_all_migrations_also_reports_history() {
    NotNullColumnWithoutDbDefaultCheck all = new NotNullColumnWithoutDbDefaultCheck();
    all.reportAllMigrations = true;
    assertThat(CheckVerifier.issueLocations(Samples.project("migrations/notNullColumnWithoutDbDefault"), all))
      .containsExactlyInAnyOrder("0002_add_fields.py:10");
  }

  @Test
  void quick_fix_adds_db_default_with_the_literal_default() throws Exception {
    var project = Samples.project("migrations/notNullColumnWithoutDbDefault");
    var issues = CheckVerifier.issues(project, new NotNullColumnWithoutDbDefaultCheck());
    assertThat(issues).hasSize(1);
    var fixes = issues.get(0).quickFixes();
    // stock (default=0), sku (default="x"), flag (default=False); price has no default
    assertThat(fixes).extracting(f -> f.getDescription())
      .containsExactly("Add \"db_default=0\"", "Add \"db_default=\"x\"\"", "Add \"db_default=False\"");
    String file = project.stream().filter(p -> p.endsWith("0002_add_fields.py")).findFirst().orElseThrow();
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(file));
    assertThat(QuickFixVerifier.apply(text, fixes.get(0))).contains("models.IntegerField(default=0, db_default=0)),  # Noncompliant");
  }
}
