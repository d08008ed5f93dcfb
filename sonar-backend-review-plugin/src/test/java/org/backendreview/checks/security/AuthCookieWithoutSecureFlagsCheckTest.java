/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class AuthCookieWithoutSecureFlagsCheckTest {

  private final AuthCookieWithoutSecureFlagsCheck check = new AuthCookieWithoutSecureFlagsCheck();

  @Test
  void sample() {
    CheckVerifier.verify(Samples.file("security/authCookieWithoutSecureFlags.py"), check);
  }
}
