/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class FastApiExceptionWithoutHandlerCheckTest {

  @Test
  void project_exceptions_raised_from_routes_without_handler() {
    CheckVerifier.verify(Samples.project("api/fastApiExceptionWithoutHandler"), new FastApiExceptionWithoutHandlerCheck());
  }
}
