/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.junit.jupiter.api.Test;

class PrematureQuerySetEvaluationCheckTest {

  @Test
  void querysets_evaluated_only_to_count_test_or_take_the_first_row() {
    // models in shop/models.py, views in reports/views.py
    CheckVerifier.verify(OrmSamples.withShop("orm/prematureQuerySetEvaluation"), new PrematureQuerySetEvaluationCheck());
  }
}
