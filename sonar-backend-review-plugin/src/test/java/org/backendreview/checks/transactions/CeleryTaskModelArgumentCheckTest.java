/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class CeleryTaskModelArgumentCheckTest {

  @Test
  void model_instances_and_querysets_passed_to_tasks() {
    CheckVerifier.verify(Samples.project("transactions/celeryTaskModelArgument"), new CeleryTaskModelArgumentCheck());
  }
}
