/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SharedMutableGlobalStateCheckTest {

  @Test
  void shared_module_state() {
    CheckVerifier.verify(Samples.file("asynchronous/sharedMutableGlobalState.py"), new SharedMutableGlobalStateCheck());
  }

  @Test
  void process_local_brokers() {
    CheckVerifier.verify(Samples.file("asynchronous/processLocalBroker.py"), new SharedMutableGlobalStateCheck());
    CheckVerifier.verifyNoIssue(Samples.file("asynchronous/processLocalBrokerWithRedis.py"), new SharedMutableGlobalStateCheck());
  }

  @Test
  void lazy_singletons_run_in_the_threadpool() {
    CheckVerifier.verify(Samples.project("asynchronous/threadedSingletons"), new SharedMutableGlobalStateCheck());
  }
}
