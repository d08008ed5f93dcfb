/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class AuthEndpointWithoutRateLimitCheckTest {

  private final AuthEndpointWithoutRateLimitCheck check = new AuthEndpointWithoutRateLimitCheck();

  @Test
  void django_and_drf_endpoints_when_the_settings_limit_nothing() {
    // settings in mysite/settings.py (no throttle, no axes), a throttled base view in accounts/base.py
    CheckVerifier.verify(Samples.project("security/authEndpointWithoutRateLimit"), check);
  }

  @Test
  void drf_default_throttles_and_django_axes_in_the_settings() {
    // only the one-time code view stays: axes guards authenticate(), DEFAULT_THROTTLE_CLASSES the DRF views
    CheckVerifier.verify(Samples.project("security/authEndpointWithoutRateLimitProtected"), check);
  }

  @Test
  void fastapi_routes() {
    CheckVerifier.verify(Samples.file("security/authEndpointWithoutRateLimitFastApi.py"), check);
  }

  @Test
  void silent_when_the_module_wires_a_limiter() {
    CheckVerifier.verifyNoIssue(Samples.file("security/authEndpointWithoutRateLimitSlowapi.py"), check);
  }
}
