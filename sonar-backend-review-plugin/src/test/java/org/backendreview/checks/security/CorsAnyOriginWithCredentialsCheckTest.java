/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorsAnyOriginWithCredentialsCheckTest {

  @Test
  void sample() {
    CheckVerifier.verify(Samples.project("security/corsAnyOriginWithCredentials"), new CorsAnyOriginWithCredentialsCheck());
  }

  @Test
  void regexes_matching_any_origin() {
    for (String any : new String[] {".*", "^.*$", ".+", "https?://.*", "^https?://.*$", "(https?://)?.*", "https://.+", "^https?:\\/\\/.*$"}) {
      assertThat(CorsAnyOriginWithCredentialsCheck.matchesAnyOrigin(any)).as(any).isTrue();
    }
    for (String narrow : new String[] {"^https://\\w+\\.example\\.com$", "https://.*\\.example\\.com", "^https://app\\.example$", ".*\\$"}) {
      assertThat(CorsAnyOriginWithCredentialsCheck.matchesAnyOrigin(narrow)).as(narrow).isFalse();
    }
  }
}
