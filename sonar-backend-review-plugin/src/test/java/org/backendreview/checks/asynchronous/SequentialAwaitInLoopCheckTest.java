/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SequentialAwaitInLoopCheckTest {

  @Test
  void independent_requests_awaited_one_by_one() {
    CheckVerifier.verify(Samples.file("asynchronous/sequentialAwaitInLoop.py"), new SequentialAwaitInLoopCheck());
  }
}
