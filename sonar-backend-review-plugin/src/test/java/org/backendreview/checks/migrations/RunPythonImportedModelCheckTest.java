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

class RunPythonImportedModelCheckTest {

  @Test
  void imported_models_in_run_python_functions() {
    CheckVerifier.verify(Samples.project("migrations/runPythonImportedModel"), new RunPythonImportedModelCheck());
  }

  @Test
  void report_all_migrations_also_reports_history() {
    RunPythonImportedModelCheck all = new RunPythonImportedModelCheck();
    all.reportAllMigrations = true;
    assertThat(CheckVerifier.issueLocations(Samples.project("migrations/runPythonImportedModel"), all))
      .containsExactlyInAnyOrder("0001_initial.py:8", "0002_fill_slugs.py:9");
  }
}
