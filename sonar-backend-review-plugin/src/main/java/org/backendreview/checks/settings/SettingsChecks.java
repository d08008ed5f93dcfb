/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.settings;

import java.util.List;

/** Django settings and deployment configuration (feature-matrix family 3). */
public final class SettingsChecks {

  public static final List<Class<?>> CHECKS = List.of(
    AllowedHostsWildcardCheck.class,
    FailOpenSettingsDefaultCheck.class);

  private SettingsChecks() {
  }
}
