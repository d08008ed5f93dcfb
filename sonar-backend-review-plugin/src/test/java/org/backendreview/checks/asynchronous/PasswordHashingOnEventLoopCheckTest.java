/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class PasswordHashingOnEventLoopCheckTest {

  @Test
  void password_hashing_in_coroutines() {
    CheckVerifier.verify(Samples.file("asynchronous/passwordHashingOnEventLoop.py"), new PasswordHashingOnEventLoopCheck());
  }

  @Test
  void password_helpers_of_other_modules() {
    CheckVerifier.verify(Samples.project("asynchronous/passwordHashingHelpers"), new PasswordHashingOnEventLoopCheck());
  }
}
