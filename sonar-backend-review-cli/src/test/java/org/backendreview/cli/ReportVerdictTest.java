/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.Location;
import org.backendreview.scanner.RuleInfo;
import org.backendreview.scanner.ScanResult;
import org.backendreview.scanner.Severity;
import org.junit.jupiter.api.Test;

class ReportVerdictTest {

  private static RuleInfo rule(String key, String type, Severity severity, boolean inProfile) {
    return rule(RuleInfo.REPOSITORY, key, type, severity, inProfile, List.of());
  }

  private static RuleInfo rule(String repository, String key, String type, Severity severity, boolean inProfile, List<String> tags) {
    String quality = "VULNERABILITY".equals(type) || "SECURITY_HOTSPOT".equals(type) ? "SECURITY"
      : "BUG".equals(type) ? "RELIABILITY" : "MAINTAINABILITY";
    return new RuleInfo(repository, key, key, type, severity, Map.of(quality, severity), "COMPLETE", tags, List.of(), List.of(), List.of(), "X-01",
      "family", 5, 0, "<p>x</p>", List.of(), inProfile, Object.class);
  }

  @Test
  void former_hotspots_never_block_theirs_nor_ours() {
    assertThat(report(rule(RuleInfo.PYTHON_REPOSITORY, "S4790", "VULNERABILITY", Severity.HIGH, true, List.of("cwe", "former-hotspot"))).blocks())
      .isFalse();
    assertThat(report(rule(RuleInfo.REPOSITORY, "UncappedUploadRead", "VULNERABILITY", Severity.HIGH, true, List.of("former-hotspot"))).blocks())
      .isFalse();
    assertThat(report(rule(RuleInfo.PYTHON_REPOSITORY, "S2068", "VULNERABILITY", Severity.BLOCKER, true, List.of("cwe"))).blocks()).isTrue();
  }

  private static Report report(RuleInfo... rules) {
    List<Finding> findings = java.util.Arrays.stream(rules)
      .map(r -> new Finding(r, new Location("a.py", 1, 0, 1, 1, "m"), List.of(), null, "f")).toList();
    return new Report(new ScanResult(findings, List.of(), List.of(rules), null, Path.of(".")), findings, 0, "1", "p", "profile");
  }

  @Test
  void blocks_only_on_high_severity_vulnerabilities_and_bugs_of_the_profile() {
    assertThat(report(rule("SqlInjection", "VULNERABILITY", Severity.HIGH, true)).blocks()).isTrue();
    assertThat(report(rule("CodeInjection", "VULNERABILITY", Severity.BLOCKER, true)).blocks()).isTrue();
    assertThat(report(rule("CoroutineNotAwaited", "BUG", Severity.HIGH, true)).blocks()).isTrue();

    assertThat(report(rule("FailOpen", "VULNERABILITY", Severity.MEDIUM, true)).blocks()).isFalse();
    assertThat(report(rule("Hotspot", "SECURITY_HOTSPOT", Severity.HIGH, true)).blocks()).isFalse();
    assertThat(report(rule("Smell", "CODE_SMELL", Severity.BLOCKER, true)).blocks()).isFalse();
    assertThat(report(rule("OptIn", "VULNERABILITY", Severity.HIGH, false)).blocks()).isFalse();
    assertThat(report(rule("Info", "BUG", Severity.INFO, true)).blocks()).isFalse();
    assertThat(report().blocks()).isFalse();
  }

  @Test
  void the_reason_names_what_blocks() {
    assertThat(report(rule("SqlInjection", "VULNERABILITY", Severity.HIGH, true), rule("Smell", "CODE_SMELL", Severity.HIGH, true),
      rule("CoroutineNotAwaited", "BUG", Severity.HIGH, true), rule("PathTraversal", "VULNERABILITY", Severity.HIGH, true)).verdictReason())
      .isEqualTo("2 high-severity vulnerabilities and 1 high-severity bug must be fixed before merging");
    assertThat(report(rule("Smell", "CODE_SMELL", Severity.HIGH, true)).verdictReason())
      .isEqualTo("no high-severity vulnerability or bug; 1 finding to consider");
    assertThat(report().verdictReason()).isEqualTo("no findings");
  }
}
