/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.backendreview.scanner.RuleInfo;
import org.backendreview.scanner.RuleParam;

/** {@code --list-rules}: key, title, type, severity, OWASP, CWE (and profile, family, parameters) of every rule. */
final class RuleListing {

  private RuleListing() {
  }

  static String render(List<RuleInfo> rules, Options.Format format) {
    return switch (format) {
      case TEXT -> text(rules);
      case JSON -> json(rules);
      case MARKDOWN -> markdown(rules);
      default -> throw new UsageException("--list-rules prints text, json or markdown");
    };
  }

  private static String text(List<RuleInfo> rules) {
    String[] headers = {"KEY", "TYPE", "SEVERITY", "DEFAULT", "OWASP 2021", "CWE", "TITLE"};
    List<String[]> rows = rules.stream().map(r -> new String[] {
      r.qualifiedKey(), r.type(), r.severity().name(), r.inDefaultProfile() ? "yes" : "no", String.join(", ", r.owasp2021Labels()),
      String.join(", ", r.cweLabels()), r.title()}).toList();
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    line(text, headers, widths);
    for (int r = 0; r < rows.size(); r++) {
      line(text, rows.get(r), widths);
      for (RuleParam param : rules.get(r).params()) {
        text.append("    param ").append(rules.get(r).qualifiedKey()).append('.').append(param.key()).append(" = \"").append(param.defaultValue())
          .append("\"  ").append(param.description()).append('\n');
      }
    }
    long ours = rules.stream().filter(RuleInfo::isOurs).count();
    text.append('\n').append(rules.size()).append(" rules (").append(ours).append(" backendreview, ").append(rules.size() - ours)
      .append(" python); DEFAULT = in the \"Backend Review way\" profile (Sonar way and ours), which runs unless --profile, --rules or --all says otherwise.\n");
    return text.toString();
  }

  private static void line(StringBuilder text, String[] cells, int[] widths) {
    for (int i = 0; i < cells.length; i++) {
      text.append(cells[i]);
      if (i < cells.length - 1) {
        text.append(" ".repeat(widths[i] - cells[i].length() + 2));
      }
    }
    text.append('\n');
  }

  private static String json(List<RuleInfo> rules) {
    ArrayNode array = JsonReporter.MAPPER.createArrayNode();
    for (RuleInfo rule : rules) {
      ObjectNode node = array.addObject();
      node.put("key", rule.qualifiedKey());
      node.put("repository", rule.repository());
      node.put("title", rule.title());
      node.put("type", rule.type());
      node.put("severity", rule.severity().name());
      ObjectNode impacts = node.putObject("impacts");
      rule.impacts().forEach((quality, severity) -> impacts.put(quality, severity.name()));
      node.put("defaultProfile", rule.inDefaultProfile());
      node.put("family", rule.family());
      JsonReporter.classification(node, rule);
      ArrayNode params = node.putArray("params");
      rule.params().forEach(p -> params.addObject().put("key", p.key()).put("default", p.defaultValue()).put("type", p.type())
        .put("description", p.description()));
      node.put("url", Report.ruleUri(rule));
    }
    return JsonReporter.toJson(array) + "\n";
  }

  private static String markdown(List<RuleInfo> rules) {
    StringBuilder md = new StringBuilder("| Key | Title | Type | Severity | Default | OWASP 2021 | CWE |\n|---|---|---|---|---|---|---|\n");
    for (RuleInfo rule : rules) {
      md.append("| `").append(rule.qualifiedKey()).append("` | ").append(MarkdownReporter.escape(rule.title())).append(" | ").append(rule.type())
        .append(" | ").append(rule.severity().name()).append(" | ").append(rule.inDefaultProfile() ? "yes" : "no")
        .append(" | ").append(String.join(", ", rule.owasp2021Labels())).append(" | ").append(String.join(", ", rule.cweLabels())).append(" |\n");
    }
    return md.toString();
  }
}
