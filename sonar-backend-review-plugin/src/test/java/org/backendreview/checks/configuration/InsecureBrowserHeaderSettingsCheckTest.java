/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;

class InsecureBrowserHeaderSettingsCheckTest {

  private static final String SAMPLE = "configuration/insecureBrowserHeaderSettings";

  @Test
  void deployed_configurations() {
    CheckVerifier.verify(Samples.project(SAMPLE), new InsecureBrowserHeaderSettingsCheck());
  }

  @Test
  void quick_fix_sets_deny() throws IOException {
    List<PreciseIssue> issues = CheckVerifier.issues(Samples.project(SAMPLE), new InsecureBrowserHeaderSettingsCheck());
    List<PythonQuickFix> fixes = issues.stream().flatMap(i -> i.quickFixes().stream()).toList();
    assertThat(fixes).hasSize(1);
    assertThat(fixes.get(0).getDescription()).isEqualTo("Set X_FRAME_OPTIONS to \"DENY\"");
    String before = Files.readString(Path.of(Samples.ROOT.toString(), SAMPLE, "shop/shop/settings/production.py"), StandardCharsets.UTF_8);
    assertThat(QuickFixVerifier.apply(before, fixes.get(0))).contains("X_FRAME_OPTIONS = \"DENY\"  # Noncompliant").doesNotContain("ALLOWALL\"  #");
  }
}
