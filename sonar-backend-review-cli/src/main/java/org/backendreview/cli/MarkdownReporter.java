/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.backendreview.scanner.AnalysisWarning;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.RuleInfo;
import org.backendreview.scanner.Severity;

/**
 * A review report in the format of the project's review checklists: executive summary (counts by severity and
 * family), the review table {@code Severity | File:Line | Issue | Recommended Fix}, security issues with their OWASP
 * category, top risks, analysis warnings and the final verdict (BLOCK or LGTM, with the reason).
 */
final class MarkdownReporter implements Reporter {

  /** Beyond this many rows the table is cut (the JSON and SARIF outputs carry everything). */
  static final int MAX_TABLE_ROWS = 500;
  private static final int TOP_RISKS = 5;
  private static final Map<String, String> OWASP_2021 = Map.of(
    "A1", "Broken Access Control",
    "A2", "Cryptographic Failures",
    "A3", "Injection",
    "A4", "Insecure Design",
    "A5", "Security Misconfiguration",
    "A6", "Vulnerable and Outdated Components",
    "A7", "Identification and Authentication Failures",
    "A8", "Software and Data Integrity Failures",
    "A9", "Security Logging and Monitoring Failures",
    "A10", "Server-Side Request Forgery");

  @Override
  public void write(Report report, Appendable out) throws IOException {
    List<Finding> findings = report.findings();
    out.append("## Backend Review: ").append(escape(report.projectName())).append("\n\n");
    out.append("_").append(Report.plural(report.result().stats().files(), "Python file")).append(" analysed with ")
      .append(Report.plural(report.result().rules().size(), "rule")).append(" (").append(report.ruleSet()).append(") by ")
      .append(Report.TOOL).append(' ').append(report.version()).append("._\n\n");

    out.append("### Executive Summary\n\n");
    out.append("- **Verdict: ").append(report.blocks() ? "BLOCK" : "LGTM").append("**: ").append(report.verdictReason()).append(".\n");
    if (findings.isEmpty()) {
      out.append("- No findings.\n");
    } else {
      out.append("- **").append(Report.plural(findings.size(), "finding")).append("** in ").append(Report.plural(report.byFile().size(), "file"))
        .append(": ").append(report.severitySummary()).append(".\n");
      out.append("- By family: ").append(report.countsByFamily().entrySet().stream()
        .map(e -> escape(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(" · "))).append(".\n");
      List<Finding> security = report.securityFindings();
      if (!security.isEmpty()) {
        TreeSet<String> owasp = new TreeSet<>();
        TreeSet<String> cwe = new TreeSet<>(Comparator.comparingInt(c -> Integer.parseInt(c.substring(4))));
        security.forEach(f -> {
          owasp.addAll(f.rule().owasp2021Labels());
          cwe.addAll(f.rule().cweLabels());
        });
        out.append("- Security: ").append(Report.plural(security.size(), "finding"));
        if (!owasp.isEmpty()) {
          out.append(" (OWASP Top 10 ").append(String.join(", ", owasp)).append(cwe.isEmpty() ? "" : "; " + String.join(", ", cwe)).append(')');
        }
        out.append(".\n");
      }
    }
    if (report.baselined() > 0) {
      out.append("- ").append(Report.plural(report.baselined(), "known finding")).append(" of the baseline not shown.\n");
    }
    if (!report.result().warnings().isEmpty()) {
      out.append("- ").append(Report.plural(report.result().warnings().size(), "file")).append(" could not be fully analysed (see below).\n");
    }
    out.append('\n');

    if (!findings.isEmpty()) {
      out.append("### Review Table\n\n");
      out.append("| Severity | File:Line | Issue | Recommended Fix |\n| :-- | :-- | :-- | :-- |\n");
      List<Finding> ordered = new ArrayList<>(findings);
      ordered.sort(Comparator.comparing(Finding::severity, Comparator.reverseOrder()).thenComparing(Finding::file).thenComparingInt(Finding::line));
      for (Finding finding : ordered.subList(0, Math.min(ordered.size(), MAX_TABLE_ROWS))) {
        out.append("| ").append(severityLabel(finding.severity()))
          .append(" | `").append(finding.file()).append(':').append(String.valueOf(Math.max(finding.line(), 1))).append('`')
          .append(" | ").append(escape(finding.rule().title())).append(" (`").append(finding.qualifiedRuleKey()).append("`)")
          .append(" | ").append(escape(finding.message())).append(" |\n");
      }
      if (ordered.size() > MAX_TABLE_ROWS) {
        out.append("\n_").append(String.valueOf(ordered.size() - MAX_TABLE_ROWS)).append(" more findings are not listed; see the JSON or SARIF output._\n");
      }
      out.append('\n');
    }

    List<Finding> security = report.securityFindings();
    if (!security.isEmpty()) {
      out.append("### Critical Security Issues 🔴\n\n");
      for (Finding finding : security) {
        RuleInfo rule = finding.rule();
        String category = rule.owasp2021().isEmpty() ? "Security"
          : rule.owasp2021Labels().get(0) + " " + OWASP_2021.getOrDefault(rule.owasp2021().get(0), "");
        out.append("- **").append(escape(category.strip())).append("**: ").append(escape(rule.title())).append('\n');
        out.append("  - **Location**: `").append(finding.file()).append(':').append(String.valueOf(Math.max(finding.line(), 1))).append("`\n");
        out.append("  - **Risk**: ").append(escape(firstSentence(rule.summary()))).append(rule.cwe().isEmpty() ? "" : " (" + String.join(", ", rule.cweLabels()) + ")").append('\n');
        out.append("  - **Fix**: ").append(escape(finding.message())).append('\n');
      }
      out.append('\n');
    }

    if (!findings.isEmpty()) {
      out.append("### Top Risks\n\n");
      Map<RuleInfo, List<Finding>> byRule = new LinkedHashMap<>();
      findings.forEach(f -> byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
      List<Map.Entry<RuleInfo, List<Finding>>> risks = new ArrayList<>(byRule.entrySet());
      risks.sort(Comparator.<Map.Entry<RuleInfo, List<Finding>>, Severity>comparing(e -> e.getKey().severity()).reversed()
        .thenComparing(e -> !e.getKey().isSecurity())
        .thenComparing(e -> -e.getValue().size())
        .thenComparing(e -> e.getKey().key()));
      int rank = 1;
      for (Map.Entry<RuleInfo, List<Finding>> risk : risks.subList(0, Math.min(TOP_RISKS, risks.size()))) {
        RuleInfo rule = risk.getKey();
        List<Finding> where = risk.getValue();
        out.append(String.valueOf(rank++)).append(". **").append(escape(rule.title())).append("** (`").append(rule.qualifiedKey()).append("`, ")
          .append(rule.severity().name().toLowerCase(Locale.ROOT)).append(", ").append(Report.plural(where.size(), "finding")).append("): ")
          .append(escape(rule.howToFix())).append(" Seen at ")
          .append(where.stream().limit(3).map(f -> "`" + f.file() + ":" + Math.max(f.line(), 1) + "`").collect(Collectors.joining(", ")))
          .append(where.size() > 3 ? " and " + (where.size() - 3) + " more" : "").append(".\n");
      }
      out.append('\n');
    }

    if (!report.result().warnings().isEmpty()) {
      out.append("### Analysis Warnings\n\n");
      for (AnalysisWarning warning : report.result().warnings()) {
        out.append("- `").append(warning.file()).append("`: ").append(escape(warning.message())).append('\n');
      }
      out.append('\n');
    }

    Map<Severity, Integer> counts = report.countsBySeverity();
    out.append("### Final Verdict: ").append(report.blocks() ? "BLOCK" : "LGTM")
      .append(" (#blocker ").append(String.valueOf(counts.getOrDefault(Severity.BLOCKER, 0)))
      .append(", #high ").append(String.valueOf(counts.getOrDefault(Severity.HIGH, 0)))
      .append(", #security ").append(String.valueOf(security.size())).append(")\n\n");
    String reason = report.verdictReason();
    out.append(Character.toUpperCase(reason.charAt(0)) + reason.substring(1)).append(".\n");
  }

  /** The first sentence of a rule summary, which can be a long paragraph. */
  static String firstSentence(String text) {
    int end = text.indexOf(". ");
    while (end >= 0 && end < 40) {
      end = text.indexOf(". ", end + 1);
    }
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String severityLabel(Severity severity) {
    String icon = switch (severity) {
      case BLOCKER, HIGH -> "🔴";
      case MEDIUM -> "🟠";
      case LOW -> "🟡";
      case INFO -> "🔵";
    };
    return icon + " " + severity.name();
  }

  /** Table-safe Markdown text: pipes escaped, line breaks flattened. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
