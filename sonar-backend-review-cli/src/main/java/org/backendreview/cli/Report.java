/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.RuleInfo;
import org.backendreview.scanner.ScanResult;
import org.backendreview.scanner.Severity;

/**
 * What the output formats print: the scan result, the findings left after the baseline, and the review verdict.
 *
 * @param findings the findings to report (new ones when a baseline is used)
 * @param baselined how many findings the baseline hid
 * @param ruleSet how the rules were chosen, for the report header (e.g. "the Backend Review way profile")
 */
record Report(ScanResult result, List<Finding> findings, int baselined, String version, String projectName, String ruleSet) {

  static final String TOOL = "backend-review";
  static final String INFORMATION_URI = "https://github.com/backend-review/sonar-backend-review-plugin";

  /** Link to the rule's documentation: our catalogue's page, SonarSource's rules page for SonarPython's rules. */
  static String ruleUri(RuleInfo rule) {
    return rule.docsUrl();
  }

  Map<Severity, Integer> countsBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding finding : findings) {
      counts.merge(finding.severity(), 1, Integer::sum);
    }
    return counts;
  }

  Map<String, Integer> countsByFamily() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Finding finding : findings) {
      counts.merge(finding.rule().family(), 1, Integer::sum);
    }
    return counts;
  }

  /** Findings grouped by file, files in order. */
  Map<String, List<Finding>> byFile() {
    Map<String, List<Finding>> files = new LinkedHashMap<>();
    for (Finding finding : findings) {
      files.computeIfAbsent(finding.file(), f -> new ArrayList<>()).add(finding);
    }
    return files;
  }

  List<Finding> securityFindings() {
    return findings.stream().filter(f -> f.rule().isSecurity()).toList();
  }

  /**
   * BLOCK only for high-confidence defects: a finding of a vulnerability or bug rule of the built-in profile, at
   * blocker or high severity. Code smells, hotspots, former hotspots (vulnerabilities tagged {@code former-hotspot},
   * whose findings a human confirms: SonarPython's and ours), INFO and opt-in rules (outside the profile) never block;
   * LGTM otherwise.
   */
  boolean blocks() {
    return findings.stream().anyMatch(Report::isBlocking);
  }

  static boolean isBlocking(Finding finding) {
    RuleInfo rule = finding.rule();
    return ("VULNERABILITY".equals(rule.type()) || "BUG".equals(rule.type())) && rule.inDefaultProfile() && !rule.isFormerHotspot()
      && finding.severity().atLeast(Severity.HIGH);
  }

  /** One sentence: the verdict's reason. */
  String verdictReason() {
    List<Finding> blocking = findings.stream().filter(Report::isBlocking).toList();
    if (!blocking.isEmpty()) {
      long vulnerabilities = blocking.stream().filter(f -> "VULNERABILITY".equals(f.rule().type())).count();
      long bugs = blocking.size() - vulnerabilities;
      List<String> parts = new ArrayList<>();
      if (vulnerabilities > 0) {
        parts.add(plural((int) vulnerabilities, "high-severity vulnerability", "high-severity vulnerabilities"));
      }
      if (bugs > 0) {
        parts.add(plural((int) bugs, "high-severity bug"));
      }
      return String.join(" and ", parts) + " must be fixed before merging";
    }
    if (findings.isEmpty()) {
      return "no findings";
    }
    return "no high-severity vulnerability or bug; " + plural(findings.size(), "finding") + " to consider";
  }

  static String plural(int count, String noun) {
    return plural(count, noun, noun + "s");
  }

  static String plural(int count, String singular, String pluralNoun) {
    return count + " " + (count == 1 ? singular : pluralNoun);
  }

  /** "1 high, 5 medium" in decreasing severity. */
  String severitySummary() {
    Map<Severity, Integer> counts = countsBySeverity();
    List<String> parts = new ArrayList<>();
    for (Severity severity : List.of(Severity.BLOCKER, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
      if (counts.containsKey(severity)) {
        parts.add(counts.get(severity) + " " + severity.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return String.join(", ", parts);
  }
}
