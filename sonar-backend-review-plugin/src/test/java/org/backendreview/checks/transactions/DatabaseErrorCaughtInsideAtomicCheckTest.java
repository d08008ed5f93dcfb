/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class DatabaseErrorCaughtInsideAtomicCheckTest {

  @Test
  void database_errors_swallowed_in_atomic_blocks() {
    CheckVerifier.verify(Samples.project("transactions/databaseErrorCaughtInsideAtomic"), new DatabaseErrorCaughtInsideAtomicCheck());
  }
}
