/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class CsrfExemptStateChangingViewCheckTest {

  private final CsrfExemptStateChangingViewCheck check = new CsrfExemptStateChangingViewCheck();

  @Test
  void exempt_views_writing_for_the_session_user() {
    CheckVerifier.verify(Samples.file("security/csrfExemptStateChangingView.py"), check);
  }
}
