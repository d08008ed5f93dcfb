/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class InsecureJwtClaimsCheckTest {

  private final InsecureJwtClaimsCheck check = new InsecureJwtClaimsCheck();

  @Test
  void pyjwt_and_python_jose() {
    CheckVerifier.verify(Samples.file("security/insecureJwtClaims.py"), check);
  }
}
