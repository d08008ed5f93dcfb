/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import org.backendreview.semantics.django.DjangoSettingsApi;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;

/**
 * Debug features in a deployed Django configuration: {@code DEBUG = True} in settings a server loads (a module named
 * production/staging, or named by {@code wsgi.py}/{@code asgi.py}), inherited through {@code from .base import *} or
 * not; {@code DEBUG_PROPAGATE_EXCEPTIONS = True}. Values written in
 * {@code settings.py} or {@code global_settings.py} are left to SonarPython's S4507.
 */
@Rule(key = "DebugEnabledInDeployedSettings")
public class DebugEnabledInDeployedSettingsCheck extends DeployableSettingsCheck {

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    if (config.certainlyDeployed()) {
      config.known("DEBUG").filter(k -> isTrue(k.value()) && !readBySonarWay(k)).ifPresent(debug -> scope.reportAt(debug, debug.statement(),
        "Set DEBUG to False: \"" + config.moduleName() + "\" is deployed with it on, which shows tracebacks, settings and SQL to every visitor."));
    }
    config.known("DEBUG_PROPAGATE_EXCEPTIONS").filter(k -> isTrue(k.value()) && !readBySonarWay(k)).ifPresent(k -> scope.reportAt(k, k.statement(),
      "Remove DEBUG_PROPAGATE_EXCEPTIONS = True from \"" + config.moduleName() + "\": exceptions then escape Django's error handling "
        + "and reach the server with their details."));
  }

  private static boolean isTrue(Value value) {
    return value instanceof Bool b && b.value();
  }

  private static boolean readBySonarWay(Known known) {
    return known.file() != null && DjangoSettingsApi.SONAR_WAY_SETTINGS_FILES.contains(known.file().getFileName().toString());
  }
}
