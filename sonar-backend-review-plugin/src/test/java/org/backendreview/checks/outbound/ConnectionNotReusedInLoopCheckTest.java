/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class ConnectionNotReusedInLoopCheckTest {

  @Test
  void requests_and_clients_in_loops() {
    CheckVerifier.verify(Samples.file("outbound/connectionNotReusedInLoop.py"), new ConnectionNotReusedInLoopCheck());
  }
}
