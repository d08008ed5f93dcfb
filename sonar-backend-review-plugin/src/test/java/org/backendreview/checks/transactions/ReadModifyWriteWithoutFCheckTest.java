/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class ReadModifyWriteWithoutFCheckTest {

  @Test
  void lost_updates_across_modules() {
    // models in shop/models.py, views in api/views.py: the model classes must resolve across modules
    CheckVerifier.verify(Samples.project("transactions/readModifyWriteWithoutF"), new ReadModifyWriteWithoutFCheck());
  }
}
