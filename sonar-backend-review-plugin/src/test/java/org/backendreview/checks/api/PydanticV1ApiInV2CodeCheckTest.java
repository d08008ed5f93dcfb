/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class PydanticV1ApiInV2CodeCheckTest {

  @Test
  void v1_api_in_v2_modules() {
    CheckVerifier.verify(Samples.project("api/pydanticV1ApiInV2Code"), new PydanticV1ApiInV2CodeCheck());
  }
}
