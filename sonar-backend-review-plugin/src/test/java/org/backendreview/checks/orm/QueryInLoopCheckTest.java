/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.junit.jupiter.api.Test;

class QueryInLoopCheckTest {

  @Test
  void queries_per_item_across_modules() {
    CheckVerifier.verify(OrmSamples.withShop("orm/queryInLoop"), new QueryInLoopCheck());
  }
}
