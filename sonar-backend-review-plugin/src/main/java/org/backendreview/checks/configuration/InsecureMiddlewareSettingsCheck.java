/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoSettingsApi;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;

/**
 * The effective {@code MIDDLEWARE} list of a deployed Django configuration, when it is a list of string literals:
 * Django's security middleware missing ({@code SecurityMiddleware}, {@code XFrameOptionsMiddleware},
 * {@code CsrfViewMiddleware}; {@code AuthenticationMiddleware} when the admin is installed), or placed where it cannot
 * work (the session middleware after the authentication middleware, django-cors-headers' middleware after
 * {@code CommonMiddleware}). A missing CSRF middleware in a file named {@code settings.py} is SonarPython's S4502.
 */
@Rule(key = "InsecureMiddlewareSettings")
public class InsecureMiddlewareSettingsCheck extends DeployableSettingsCheck {

  private static final String MIDDLEWARE = "MIDDLEWARE";

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    Optional<Known> known = config.known(MIDDLEWARE);
    if (known.isEmpty() || !(known.get().value() instanceof Seq seq) || !seq.elements().stream().allMatch(Str.class::isInstance)) {
      return;
    }
    List<String> middleware = seq.elements().stream().map(e -> ((Str) e).value()).toList();
    List<String> problems = new ArrayList<>();
    if (!middleware.contains(DjangoSettingsApi.SECURITY_MIDDLEWARE)) {
      problems.add("add \"" + DjangoSettingsApi.SECURITY_MIDDLEWARE + "\" (HTTPS redirect, HSTS, nosniff and referrer-policy headers)");
    }
    boolean s4502 = known.get().file() != null && DjangoSettingsApi.SONAR_WAY_SETTINGS_FILES.contains(known.get().file().getFileName().toString());
    if (!s4502 && !middleware.contains(DjangoSettingsApi.CSRF_MIDDLEWARE) && middleware.stream().noneMatch(DjangoSettingsApi.CSRF_REPLACEMENTS::contains)) {
      problems.add("add \"" + DjangoSettingsApi.CSRF_MIDDLEWARE + "\" (CSRF protection of every form and cookie-authenticated POST)");
    }
    if (!middleware.contains(DjangoSettingsApi.XFRAME_MIDDLEWARE)) {
      problems.add("add \"" + DjangoSettingsApi.XFRAME_MIDDLEWARE + "\" (clickjacking protection)");
    }
    if (adminInstalled(config) && !middleware.contains(DjangoSettingsApi.AUTHENTICATION_MIDDLEWARE)) {
      problems.add("add \"" + DjangoSettingsApi.AUTHENTICATION_MIDDLEWARE + "\" (the admin needs request.user)");
    }
    order(middleware, DjangoSettingsApi.SESSION_MIDDLEWARE, DjangoSettingsApi.AUTHENTICATION_MIDDLEWARE, problems);
    order(middleware, DjangoSettingsApi.CORS_MIDDLEWARE, DjangoSettingsApi.COMMON_MIDDLEWARE, problems);
    if (!problems.isEmpty()) {
      scope.reportAt(known.get(), known.get().statement(), "In the MIDDLEWARE of \"" + config.moduleName() + "\", " + String.join("; ", problems) + ".");
    }
  }

  private static void order(List<String> middleware, String first, String then, List<String> problems) {
    int a = middleware.indexOf(first);
    int b = middleware.indexOf(then);
    if (a >= 0 && b >= 0 && a > b) {
      problems.add("move \"" + first + "\" before \"" + then + "\"");
    }
  }

  private static boolean adminInstalled(Config config) {
    Set<String> apps = new java.util.HashSet<>();
    config.known("INSTALLED_APPS").filter(k -> k.value() instanceof Seq).ifPresent(k -> {
      for (Value app : ((Seq) k.value()).elements()) {
        if (app instanceof Str s) {
          apps.add(s.value());
        }
      }
    });
    return apps.contains(DjangoSettingsApi.ADMIN_APP) || apps.stream().anyMatch(a -> a.startsWith(DjangoSettingsApi.ADMIN_APP + ".apps."));
  }
}
