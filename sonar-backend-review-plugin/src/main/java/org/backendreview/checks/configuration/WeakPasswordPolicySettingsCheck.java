/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import org.backendreview.semantics.django.DjangoSettingsApi;
import org.backendreview.semantics.django.DjangoSettingsModel;
import org.backendreview.semantics.django.DjangoSettingsModel.Config;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.sonar.check.Rule;

/**
 * The password policy of a deployed Django configuration that installs {@code django.contrib.auth}: no
 * {@code AUTH_PASSWORD_VALIDATORS} (absent: Django's default is an empty list, so any password is accepted; or an empty
 * list), and a {@code PASSWORD_HASHERS} list whose first entry, the one that hashes new passwords, is one Django
 * documents as insecure (MD5, SHA1, unsalted, crypt). Unknown values stay silent.
 */
@Rule(key = "WeakPasswordPolicySettings")
public class WeakPasswordPolicySettingsCheck extends DeployableSettingsCheck {

  private static final String VALIDATORS = "AUTH_PASSWORD_VALIDATORS";
  private static final String HASHERS = "PASSWORD_HASHERS";

  @Override
  protected void checkConfiguration(Scope scope) {
    Config config = scope.config();
    if (!DjangoSettingsModel.installsApp(config, DjangoSettingsApi.AUTH_APP).orElse(false)) {
      return;
    }
    if (config.isAbsent(VALIDATORS)) {
      scope.reportAbsent("INSTALLED_APPS", "Add AUTH_PASSWORD_VALIDATORS to \"" + config.moduleName()
        + "\": without it Django accepts any password, even \"1\" or the user's name.");
    }
    config.known(VALIDATORS).filter(k -> k.value() instanceof Seq seq && seq.elements().isEmpty()).ifPresent(k -> scope.reportAt(k, k.statement(),
      "List Django's password validators in AUTH_PASSWORD_VALIDATORS of \"" + config.moduleName()
        + "\": an empty list accepts any password, even \"1\" or the user's name."));
    config.known(HASHERS).filter(k -> k.value() instanceof Seq seq && !seq.elements().isEmpty()).ifPresent(k -> {
      if (((Seq) k.value()).elements().get(0) instanceof Str first && DjangoSettingsApi.WEAK_HASHERS.contains(first.value())) {
        String hasher = first.value().substring(first.value().lastIndexOf('.') + 1);
        scope.reportAt(k, first.range(), "Put a PBKDF2, Argon2, bcrypt or scrypt hasher first in PASSWORD_HASHERS of \""
          + config.moduleName() + "\": " + hasher + " hashes every new password and can be cracked at billions of guesses a second.");
      }
    });
  }
}
