/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.List;

/** Settings and deployment configuration (family CFG). */
public final class ConfigurationChecks {

  public static final List<Class<?>> CHECKS = List.of(
    AllowedHostsWildcardCheck.class,
    DebugEnabledInDeployedSettingsCheck.class,
    HardCodedSecretKeyCheck.class,
    InsecureMiddlewareSettingsCheck.class,
    FailOpenSettingsDefaultCheck.class,
    InsecureHttpsSettingsCheck.class,
    InsecureSessionCookieSettingsCheck.class,
    InsecureBrowserHeaderSettingsCheck.class,
    MissingContentSecurityPolicyCheck.class,
    DefaultAdminUrlCheck.class,
    DisabledRequestSizeLimitsCheck.class,
    DatabaseWithoutTimeoutsCheck.class,
    AsgiDebugEnabledCheck.class,
    WeakPasswordPolicySettingsCheck.class,
    InsecureDrfDefaultsCheck.class);

  private ConfigurationChecks() {
  }
}
