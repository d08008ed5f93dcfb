/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.junit.jupiter.api.Test;

class UnhandledDoesNotExistCheckTest {

  @Test
  void lookups_from_request_values_without_404() {
    CheckVerifier.verify(OrmSamples.withShop("orm/unhandledDoesNotExist"), new UnhandledDoesNotExistCheck());
  }
}
