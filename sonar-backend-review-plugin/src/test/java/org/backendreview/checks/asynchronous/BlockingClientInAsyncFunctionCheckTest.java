/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class BlockingClientInAsyncFunctionCheckTest {

  @Test
  void blocking_clients_in_coroutines() {
    CheckVerifier.verify(Samples.file("asynchronous/blockingClientInAsyncFunction.py"), new BlockingClientInAsyncFunctionCheck());
  }

  @Test
  void sync_session_context_managers_of_the_project() {
    CheckVerifier.verify(Samples.project("asynchronous/blockingSessionScope"), new BlockingClientInAsyncFunctionCheck());
  }
}
