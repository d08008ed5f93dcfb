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

  @Test
  void drf_views_that_let_anyone_write() {
    CheckVerifier.verify(Samples.file("security/writingViewWithoutAuthorization/drf/api/views.py"), check);
  }

  @Test
  void drf_default_permissions_unknown_without_settings() {
    CheckVerifier.verifyNoIssue(Samples.file("security/writingViewWithoutAuthorization/drfopen/views.py"), check);
  }

  @Test
  void fastapi_route_without_the_dependency_of_its_siblings() {
    CheckVerifier.verify(Samples.file("security/writingViewWithoutAuthorization/fastapi/app/routers/items.py"), check);
  }

  @Test
  void fastapi_router_or_app_with_dependencies() {
    CheckVerifier.verifyNoIssue(Samples.file("security/writingViewWithoutAuthorization/fastapi/app/routers/admin.py"), check);
    CheckVerifier.verifyNoIssue(Samples.file("security/writingViewWithoutAuthorization/fastapi/app/routers/orders.py"), check);
  }
}
