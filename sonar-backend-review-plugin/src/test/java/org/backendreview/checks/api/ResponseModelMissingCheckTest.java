/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class ResponseModelMissingCheckTest {

  @Test
  void routes_without_response_schema() {
    CheckVerifier.verify(Samples.file("api/responseModelMissing.py"), new ResponseModelMissingCheck());
  }
}
