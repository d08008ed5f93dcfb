/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class LoginAccountEnumerationCheckTest {

  private final LoginAccountEnumerationCheck check = new LoginAccountEnumerationCheck();

  @Test
  void django_backends_and_fastapi_logins() {
    CheckVerifier.verify(Samples.file("security/loginAccountEnumeration.py"), check);
  }
}
