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

class AlembicMissingDowngradeCheckTest {

  @Test
  void missing_and_empty_downgrades_of_the_heads() {
    CheckVerifier.verify(Samples.project("migrations/alembicMissingDowngrade"), new AlembicMissingDowngradeCheck());
  }

  @Test
  void report_all_migrations_also_reports_history() {
    AlembicMissingDowngradeCheck all = new AlembicMissingDowngradeCheck();
    all.reportAllMigrations = true;
    // bb (history) revises a revision that can be downgraded; cc, the head, revises bb, which cannot
    assertThat(CheckVerifier.issueLocations(Samples.project("migrations/alembicMissingDowngrade"), all))
      .containsExactlyInAnyOrder("2b_missing.py:8", "2c_pass.py:12", "bb_second.py:8");
  }
}
