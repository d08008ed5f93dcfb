/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.fastapi;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class ErrorPayloadWithSuccessStatusCheckTest {

  @Test
  void errors_returned_with_200() {
    CheckVerifier.verify(Samples.file("fastapi/errorPayloadWithSuccessStatus.py"), new ErrorPayloadWithSuccessStatusCheck());
  }
}
