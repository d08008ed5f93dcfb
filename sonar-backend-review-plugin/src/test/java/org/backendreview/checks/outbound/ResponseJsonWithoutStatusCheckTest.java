/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class ResponseJsonWithoutStatusCheckTest {

  @Test
  void json_without_status_check() {
    CheckVerifier.verify(Samples.file("outbound/responseJsonWithoutStatus.py"), new ResponseJsonWithoutStatusCheck());
  }

  @Test
  void response_hooks_in_module() {
    CheckVerifier.verifyNoIssue(Samples.file("outbound/responseJsonWithoutStatusHooks.py"), new ResponseJsonWithoutStatusCheck());
  }
}
