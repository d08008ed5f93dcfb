/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.drf;

import org.backendreview.tree.Api;

/** The API names of Django REST framework, declared once. */
public final class DrfApi {

  public static final Api RESPONSE = Api.of("rest_framework.response.Response");

  private DrfApi() {
  }
}
