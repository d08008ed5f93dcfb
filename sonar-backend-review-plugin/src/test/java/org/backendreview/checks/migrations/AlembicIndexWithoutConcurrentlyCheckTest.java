/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class AlembicIndexWithoutConcurrentlyCheckTest {

  @Test
  void index_builds_that_lock_existing_tables_of_the_heads() {
    CheckVerifier.verify(Samples.project("migrations/alembicIndexWithoutConcurrently"), new AlembicIndexWithoutConcurrentlyCheck());
  }
}
