/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.backendreview.semantics.django.DjangoSettingsApi;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.sonar.check.Rule;

/**
 * A deployed Django configuration (named production/staging, or by {@code wsgi.py}/{@code asgi.py}) whose settings are
 * all statically known and that sends no Content-Security-Policy: neither django-csp nor Django 6.0's CSP middleware
 * in {@code MIDDLEWARE}/{@code INSTALLED_APPS}, no middleware named after CSP or security headers, no {@code CSP_*},
 * {@code CONTENT_SECURITY_POLICY*} or {@code SECURE_CSP*} setting. A proxy or CDN may add the header: opt-in, INFO.
 */
@Rule(key = "MissingContentSecurityPolicy")
public class MissingContentSecurityPolicyCheck extends DeployableSettingsCheck {

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    if (!config.certainlyDeployed() || config.open() || !scope.isLeaf()) {
      return;
    }
    Optional<List<String>> middleware = strings(config, "MIDDLEWARE");
    Optional<List<String>> apps = strings(config, "INSTALLED_APPS");
    if (middleware.isEmpty() || apps.isEmpty() || mentionsCsp(middleware.get()) || mentionsCsp(apps.get())
      || config.values().keySet().stream().anyMatch(name -> DjangoSettingsApi.CSP_SETTING_PREFIXES.stream().anyMatch(name::startsWith))) {
      return;
    }
    scope.reportAbsent("MIDDLEWARE", "Add a Content-Security-Policy to \"" + config.moduleName() + "\" (django-csp's "
      + "\"csp.middleware.CSPMiddleware\", or Django 6.0's ContentSecurityPolicyMiddleware with SECURE_CSP) unless the proxy sets "
      + "one: it is the browser's last line of defence against injected scripts.");
  }

  private static boolean mentionsCsp(List<String> entries) {
    return entries.stream().anyMatch(e -> DjangoSettingsApi.CSP_APPS_AND_MIDDLEWARE.contains(e) || e.startsWith("csp.")
      || e.toLowerCase(Locale.ROOT).matches(".*(csp|contentsecurity|content_security|securityheader|security_header).*"));
  }
}
