/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class UncappedUploadReadCheckTest {

  @Test
  void whole_uploads_and_bodies_read_into_memory() {
    CheckVerifier.verify(Samples.project("api/uncappedUploadRead"), new UncappedUploadReadCheck());
  }
}
