/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class BlockingHelperInAsyncFunctionCheckTest {

  @Test
  void blocking_helpers_called_from_coroutines() {
    CheckVerifier.verify(Samples.file("asynchronous/blockingHelperInAsyncFunction.py"), new BlockingHelperInAsyncFunctionCheck());
  }
}
