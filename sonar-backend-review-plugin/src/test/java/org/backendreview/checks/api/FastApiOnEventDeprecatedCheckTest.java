/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class FastApiOnEventDeprecatedCheckTest {

  @Test
  void on_event_handlers() {
    CheckVerifier.verify(Samples.file("api/fastApiOnEventDeprecated.py"), new FastApiOnEventDeprecatedCheck());
  }

  @Test
  void only_where_the_declared_fastapi_has_lifespan() {
    CheckVerifier.verify(Samples.project("api/fastApiOnEventDeprecatedVersions"), new FastApiOnEventDeprecatedCheck());
  }
}
