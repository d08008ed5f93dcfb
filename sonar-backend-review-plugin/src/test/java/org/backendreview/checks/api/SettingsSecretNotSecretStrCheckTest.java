/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SettingsSecretNotSecretStrCheckTest {

  @Test
  void secret_settings_typed_as_str() {
    CheckVerifier.verify(Samples.file("api/settingsSecretNotSecretStr.py"), new SettingsSecretNotSecretStrCheck());
  }
}
