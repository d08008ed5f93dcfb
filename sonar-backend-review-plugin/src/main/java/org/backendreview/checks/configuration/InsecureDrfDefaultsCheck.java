/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.Optional;
import org.backendreview.semantics.django.DjangoSettingsApi;
import org.backendreview.semantics.django.DjangoSettingsModel;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.ModuleSummary.Dict;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;

/**
 * Django REST framework's global defaults in a deployed configuration that installs {@code rest_framework}: no
 * {@code DEFAULT_PERMISSION_CLASSES} (DRF then allows any request, {@code AllowAny}, on every view that does not set its
 * own {@code permission_classes}), and {@code BasicAuthentication} among the {@code DEFAULT_AUTHENTICATION_CLASSES} of a
 * configuration named for production. Only a {@code REST_FRAMEWORK} that is absent or a dictionary literal with
 * literal keys is read; anything else is unknown and silent.
 */
@Rule(key = "InsecureDrfDefaults")
public class InsecureDrfDefaultsCheck extends DeployableSettingsCheck {

  private static final String REST_FRAMEWORK = "REST_FRAMEWORK";
  private static final String PERMISSIONS = "DEFAULT_PERMISSION_CLASSES";
  private static final String MISSING = "Set REST_FRAMEWORK[\"DEFAULT_PERMISSION_CLASSES\"] in \"%s\" (e.g. IsAuthenticated): "
    + "without it every API view that does not declare permission_classes allows anonymous requests (AllowAny).";

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    if (!DjangoSettingsModel.installsApp(config, DjangoSettingsApi.DRF_APP).orElse(false)) {
      return;
    }
    if (config.isAbsent(REST_FRAMEWORK)) {
      scope.reportAbsent("INSTALLED_APPS", String.format(MISSING, config.moduleName()));
      return;
    }
    Optional<Known> known = config.known(REST_FRAMEWORK).filter(k -> k.value() instanceof Dict d && d.complete());
    if (known.isEmpty()) {
      return;
    }
    Dict settings = (Dict) known.get().value();
    if (!settings.entries().containsKey(PERMISSIONS)) {
      scope.reportAt(known.get(), known.get().statement(), String.format(MISSING, config.moduleName()));
    }
    Value authentication = settings.entries().get("DEFAULT_AUTHENTICATION_CLASSES");
    if (config.certainlyDeployed() && authentication instanceof Seq classes) {
      for (Value entry : classes.elements()) {
        if (entry instanceof Str s && DjangoSettingsApi.DRF_BASIC_AUTHENTICATION.equals(s.value())) {
          scope.reportAt(known.get(), s.range(), "Remove BasicAuthentication from the DEFAULT_AUTHENTICATION_CLASSES of \""
            + config.moduleName() + "\": it sends the user's password with every request and invites brute force; use session or token authentication.");
        }
      }
    }
  }
}
