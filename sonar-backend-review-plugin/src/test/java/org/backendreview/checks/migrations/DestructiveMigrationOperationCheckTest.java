/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class DestructiveMigrationOperationCheckTest {

  @Test
  void columns_and_tables_dropped_in_one_deploy() {
    CheckVerifier.verify(Samples.project("migrations/destructiveMigrationOperation"), new DestructiveMigrationOperationCheck());
  }
}
