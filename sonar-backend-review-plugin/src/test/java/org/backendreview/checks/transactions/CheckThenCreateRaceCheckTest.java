/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class CheckThenCreateRaceCheckTest {

  @Test
  void check_then_create_races_across_modules() {
    CheckVerifier.verify(Samples.project("transactions/checkThenCreateRace"), new CheckThenCreateRaceCheck());
  }
}
