/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.Location;
import org.backendreview.scanner.Severity;

/**
 * Human-readable findings grouped by file:
 * <pre>
 * shop/views.py
 *   14:5   MEDIUM  Update "stock" with F("stock") - 1 ...  ReadModifyWriteWithoutF
 *          ↳ 12:13 the value is read here
 * </pre>
 * ANSI colours only when asked (the command line decides: a terminal, {@code --color}, {@code NO_COLOR}).
 */
final class TextReporter implements Reporter {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String UNDERLINE = "\u001b[4m";

  private final boolean color;

  TextReporter(boolean color) {
    this.color = color;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    for (Map.Entry<String, List<Finding>> file : report.byFile().entrySet()) {
      out.append(style(BOLD + UNDERLINE, file.getKey())).append('\n');
      List<Finding> findings = file.getValue();
      int width = findings.stream().mapToInt(f -> position(f.primary()).length()).max().orElse(0);
      for (Finding finding : findings) {
        String position = position(finding.primary());
        out.append("  ").append(style(DIM, pad(position, width))).append("  ")
          .append(style(severityStyle(finding.severity()), pad(finding.severity().name(), 7))).append(' ')
          .append(finding.message()).append("  ").append(style(DIM, finding.qualifiedRuleKey())).append('\n');
        for (Location secondary : finding.secondaries()) {
          String where = secondary.file().equals(finding.file()) ? position(secondary) : secondary.file() + ":" + position(secondary);
          out.append("  ").append(" ".repeat(width)).append("  ").append(style(DIM, "↳ " + where))
            .append(secondary.message().isEmpty() ? "" : " " + secondary.message()).append('\n');
        }
      }
      out.append('\n');
    }
    out.append(summary(report)).append('\n');
  }

  private String summary(Report report) {
    StringBuilder text = new StringBuilder();
    if (report.findings().isEmpty()) {
      text.append(style("\u001b[32m", "No findings"));
    } else {
      String counts = Report.plural(report.findings().size(), "finding") + " (" + report.severitySummary() + ") in "
        + Report.plural(report.byFile().size(), "file");
      text.append(style(BOLD + (report.blocks() ? "\u001b[31m" : "\u001b[33m"), counts));
    }
    text.append(". ").append(Report.plural(report.result().stats().files(), "file")).append(" analysed with ")
      .append(Report.plural(report.result().rules().size(), "rule"));
    if (report.baselined() > 0) {
      text.append("; ").append(report.baselined()).append(" known finding").append(report.baselined() == 1 ? "" : "s")
        .append(" hidden by the baseline");
    }
    if (!report.result().warnings().isEmpty()) {
      text.append("; ").append(Report.plural(report.result().warnings().size(), "analysis warning"));
    }
    return text.append('.').toString();
  }

  static String position(Location location) {
    if (location.isFileLevel()) {
      return "-";
    }
    return location.isLineLevel() ? String.valueOf(location.line()) : location.line() + ":" + location.column();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String severityStyle(Severity severity) {
    return switch (severity) {
      case BLOCKER, HIGH -> BOLD + "\u001b[31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
      case INFO -> DIM;
    };
  }

  private String style(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
