/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class RelationWithoutIntegrityCheckTest {

  @Test
  void relations_without_database_integrity() {
    CheckVerifier.verify(Samples.file("orm/relationWithoutIntegrity.py"), new RelationWithoutIntegrityCheck());
  }
}
