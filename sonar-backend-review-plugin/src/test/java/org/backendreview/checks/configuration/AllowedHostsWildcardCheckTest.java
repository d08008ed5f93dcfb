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

class AllowedHostsWildcardCheckTest {

  private static final String PROJECT = "configuration/allowedHostsWildcard";

  @Test
  void deployable_settings_only() {
    CheckVerifier.verify(Samples.project(PROJECT), new AllowedHostsWildcardCheck());
  }

  @Test
  void non_deployable_words_are_configurable() {
    AllowedHostsWildcardCheck check = new AllowedHostsWildcardCheck();
    // with nothing marked non-deployable, the test and local settings are checked too; the dev settings and the
    // sandbox still are not, because they turn DEBUG on unconditionally
    check.nonDeployableSettings = "nothing-is-dev";
    assertThat(CheckVerifier.issueLocations(Samples.project(PROJECT), check))
      .contains("test_settings.py:3", "local_settings_template.py:3")
      .doesNotContain("config.py:2", "dev.py:5", "base.py:4")
      .hasSize(10);
  }
}
