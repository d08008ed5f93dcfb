/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class WritingViewWithoutAuthorizationCheckTest {

  private final WritingViewWithoutAuthorizationCheck check = new WritingViewWithoutAuthorizationCheck();

  @Test
  void writing_view_among_protected_siblings() {
    CheckVerifier.verify(Samples.file("security/writingViewWithoutAuthorization/shop/views.py"), check);
  }

  @Test
  void module_with_a_single_protected_view() {
    CheckVerifier.verifyNoIssue(Samples.file("security/writingViewWithoutAuthorization/open/views.py"), check);
  }
}
