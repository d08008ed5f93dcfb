/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class IdFieldInsteadOfForeignKeyCheckTest {

  @Test
  void id_columns_named_after_known_models() {
    CheckVerifier.verify(Samples.project("orm/idFieldInsteadOfForeignKey"), new IdFieldInsteadOfForeignKeyCheck());
  }
}
