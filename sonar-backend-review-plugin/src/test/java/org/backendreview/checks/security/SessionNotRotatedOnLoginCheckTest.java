/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SessionNotRotatedOnLoginCheckTest {

  private final SessionNotRotatedOnLoginCheck check = new SessionNotRotatedOnLoginCheck();

  @Test
  void django_logins_storing_the_user_in_the_session() {
    CheckVerifier.verify(Samples.file("security/sessionNotRotatedOnLogin.py"), check);
  }

  @Test
  void flask_cookie_sessions_are_out_of_scope() {
    CheckVerifier.verifyNoIssue(Samples.file("security/sessionNotRotatedOnLoginFlask.py"), check);
  }
}
