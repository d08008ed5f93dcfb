/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class HardCodedSecretCheckTest {

  private final HardCodedSecretCheck check = new HardCodedSecretCheck();

  @Test
  void sample() {
    CheckVerifier.verify(Samples.file("security/hardCodedSecret.py"), check);
  }
}
