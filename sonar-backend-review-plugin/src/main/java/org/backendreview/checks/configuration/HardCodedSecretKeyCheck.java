/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.django.DjangoSettingsModel.Known;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.check.Rule;

/**
 * A deployed Django configuration whose effective {@code SECRET_KEY} (or an entry of {@code SECRET_KEY_FALLBACKS}) is a
 * string literal written in the source. Keys read from the environment or a file are unknown and fine; a literal
 * fallback of an environment read is {@code FailOpenSettingsDefault}'s.
 */
@Rule(key = "HardCodedSecretKey")
public class HardCodedSecretKeyCheck extends DeployableSettingsCheck {

  static final String INSECURE_PREFIX = "django-insecure-";
  static final int MIN_LENGTH = 50;

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    config.known("SECRET_KEY").ifPresent(key -> {
      if (isLiteralKey(key.value())) {
        scope.reportAt(key, key.value().range(), message("SECRET_KEY", (Str) key.value(), config));
      }
    });
    config.known("SECRET_KEY_FALLBACKS").filter(k -> k.value() instanceof Seq).ifPresent(fallbacks -> {
      for (Value element : ((Seq) fallbacks.value()).elements()) {
        if (isLiteralKey(element) && fallbacksAssignedHere(scope, fallbacks)) {
          scope.reportAt(fallbacks, element.range(), message("SECRET_KEY_FALLBACKS", (Str) element, config));
        }
      }
    });
  }

  private static boolean fallbacksAssignedHere(Scope scope, Known fallbacks) {
    return scope.view().isHere(fallbacks);
  }

  private static boolean isLiteralKey(Value value) {
    return value instanceof Str s && !s.value().isBlank();
  }

  private static String message(String setting, Str key, Config config) {
    String why;
    if (key.value().startsWith(INSECURE_PREFIX)) {
      why = "it is the development key \"startproject\" generated";
    } else if (key.value().length() < MIN_LENGTH) {
      why = "it is in the source and shorter than " + MIN_LENGTH + " characters";
    } else {
      why = "anyone who can read the source can forge sessions, password-reset tokens and signed data";
    }
    return "Read " + setting + " from the environment or a secrets file in \"" + config.moduleName() + "\": " + why + ".";
  }
}
