/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailOpenSettingsDefaultCheckTest {

  private static final String PROJECT = "configuration/failOpenSettingsDefault";

  @Test
  void insecure_fallbacks_in_deployable_settings() {
    CheckVerifier.verify(Samples.project(PROJECT), new FailOpenSettingsDefaultCheck());
  }

  @Test
  void local_settings_are_checked_when_configured_as_deployable() {
    FailOpenSettingsDefaultCheck check = new FailOpenSettingsDefaultCheck();
    check.nonDeployableSettings = "test";
    assertThat(CheckVerifier.issueLocations(Samples.project(PROJECT), check))
      .contains("local.py:4", "local.py:5")
      .doesNotContain("config.py:4");
  }
}
