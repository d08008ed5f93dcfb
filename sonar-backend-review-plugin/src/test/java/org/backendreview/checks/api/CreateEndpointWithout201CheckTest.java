/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class CreateEndpointWithout201CheckTest {

  @Test
  void creation_endpoints_without_201() {
    CheckVerifier.verify(Samples.file("api/createEndpointWithout201.py"), new CreateEndpointWithout201Check());
  }
}
