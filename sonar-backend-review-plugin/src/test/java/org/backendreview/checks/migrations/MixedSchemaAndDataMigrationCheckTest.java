/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class MixedSchemaAndDataMigrationCheckTest {

  @Test
  void leaf_migrations() {
    CheckVerifier.verify(Samples.project("migrations/mixedSchemaAndDataMigration"), new MixedSchemaAndDataMigrationCheck());
  }

  @Test
  void report_all_migrations_also_reports_history() {
    MixedSchemaAndDataMigrationCheck all = new MixedSchemaAndDataMigrationCheck();
    all.reportAllMigrations = true;
    assertThat(CheckVerifier.issueLocations(Samples.project("migrations/mixedSchemaAndDataMigration"), all))
      .containsExactlyInAnyOrder("0002_slugs.py:21");
  }
}
