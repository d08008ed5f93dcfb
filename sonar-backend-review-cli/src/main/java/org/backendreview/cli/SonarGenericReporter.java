/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.Location;
import org.backendreview.scanner.RuleInfo;
import org.backendreview.scanner.Severity;

/**
 * SonarQube's generic issue import format (10.3 and later: rules with Clean Code attribute and impacts, issues with
 * 0-based columns), for {@code sonar.externalIssuesReportPaths} on a server without the plugin. File paths are
 * relative to the base directory, which should be the analysis' {@code sonar.projectBaseDir}.
 */
final class SonarGenericReporter implements Reporter {

  static final String ENGINE_ID = "backend-review";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    ObjectNode root = JsonReporter.MAPPER.createObjectNode();
    ArrayNode rules = root.putArray("rules");
    for (RuleInfo rule : report.result().rules()) {
      ObjectNode node = rules.addObject();
      node.put("id", rule.qualifiedKey());
      node.put("name", rule.title());
      node.put("description", rule.summary() + " How to fix it: " + rule.howToFix() + " " + Report.ruleUri(rule));
      node.put("engineId", ENGINE_ID);
      if (rule.cleanCodeAttribute() != null) {
        node.put("cleanCodeAttribute", rule.cleanCodeAttribute());
      }
      node.put("type", rule.type());
      node.put("severity", rule.severity().legacyName());
      ArrayNode impacts = node.putArray("impacts");
      for (Map.Entry<String, Severity> impact : rule.impacts().entrySet()) {
        impacts.addObject().put("softwareQuality", impact.getKey()).put("severity", impact.getValue().name());
      }
    }
    ArrayNode issues = root.putArray("issues");
    for (Finding finding : report.findings()) {
      ObjectNode issue = issues.addObject();
      issue.put("ruleId", finding.qualifiedRuleKey());
      issue.put("effortMinutes", finding.effortMinutes());
      location(issue.putObject("primaryLocation"), finding.primary(), true);
      if (!finding.secondaries().isEmpty()) {
        ArrayNode secondaries = issue.putArray("secondaryLocations");
        finding.secondaries().forEach(s -> location(secondaries.addObject(), s, false));
      }
    }
    out.append(JsonReporter.toJson(root)).append('\n');
  }

  private static void location(ObjectNode node, Location location, boolean primary) {
    node.put("message", location.message());
    node.put("filePath", location.file());
    if (location.isFileLevel()) {
      if (primary) {
        // the primary location needs a text range: the first line stands for the file
        node.putObject("textRange").put("startLine", 1);
      }
      return;
    }
    ObjectNode range = node.putObject("textRange");
    range.put("startLine", location.line());
    if (!location.isLineLevel()) {
      range.put("endLine", location.endLine());
      range.put("startColumn", location.column() - 1);
      range.put("endColumn", location.endColumn() - 1);
    }
  }
}
