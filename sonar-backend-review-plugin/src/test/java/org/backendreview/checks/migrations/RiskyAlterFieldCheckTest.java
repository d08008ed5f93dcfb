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

class RiskyAlterFieldCheckTest {

  @Test
  void leaf_migrations() {
    CheckVerifier.verify(Samples.project("migrations/riskyAlterField"), new RiskyAlterFieldCheck());
  }

  @Test
  void report_all_migrations_also_reports_history() {
    RiskyAlterFieldCheck all = new RiskyAlterFieldCheck();
    all.reportAllMigrations = true;
    assertThat(CheckVerifier.issueLocations(Samples.project("migrations/riskyAlterField"), all))
      .containsExactlyInAnyOrder("0002_alter_fields.py:10");
  }
}
