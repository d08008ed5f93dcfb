/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class InsecureDirectObjectReferenceCheckTest {

  @Test
  void django_drf_and_fastapi() {
    CheckVerifier.verify(Samples.project("security/insecureDirectObjectReference"), new InsecureDirectObjectReferenceCheck());
  }
}
