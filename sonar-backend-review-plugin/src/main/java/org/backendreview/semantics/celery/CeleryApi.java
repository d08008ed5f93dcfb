/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.celery;

import org.backendreview.tree.Api;

/** The API names of Celery, declared once. */
public final class CeleryApi {

  public static final Api SHARED_TASK = Api.of("celery.shared_task", "celery.app.shared_task");

  private CeleryApi() {
  }
}
