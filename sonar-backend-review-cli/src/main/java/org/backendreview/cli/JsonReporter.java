/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.backendreview.scanner.AnalysisWarning;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.Location;
import org.backendreview.scanner.QuickFix;
import org.backendreview.scanner.RuleInfo;
import org.backendreview.scanner.ScanStats;
import org.backendreview.scanner.Severity;

/**
 * The scan as JSON: {@code tool}, {@code findings} (rule, severity, file, 1-based line and column, exclusive end
 * column, message, secondary locations, fingerprint...), {@code warnings}, {@code summary}.
 */
final class JsonReporter implements Reporter {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(Report report, Appendable out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("tool").put("name", Report.TOOL).put("version", report.version());
    root.put("baseDir", report.result().baseDir().toString());
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : report.findings()) {
      ObjectNode node = findings.addObject();
      RuleInfo rule = finding.rule();
      node.put("rule", rule.qualifiedKey());
      node.put("repository", rule.repository());
      node.put("title", rule.title());
      node.put("type", rule.type());
      node.put("severity", finding.severity().name());
      node.put("family", rule.family());
      location(node, finding.primary());
      node.put("message", finding.message());
      ArrayNode secondaries = node.putArray("secondaryLocations");
      for (Location secondary : finding.secondaries()) {
        ObjectNode location = secondaries.addObject();
        location.put("file", secondary.file());
        location(location, secondary);
        location.put("message", secondary.message());
      }
      if (!finding.quickFixes().isEmpty()) {
        quickFixes(node.putArray("quickFixes"), finding);
      }
      node.put("effortMinutes", finding.effortMinutes());
      node.put("fingerprint", finding.fingerprint());
      classification(node, rule);
      node.put("ruleUrl", Report.ruleUri(rule));
    }
    ArrayNode warnings = root.putArray("warnings");
    for (AnalysisWarning warning : report.result().warnings()) {
      warnings.addObject().put("file", warning.file()).put("message", warning.message());
    }
    ObjectNode summary = root.putObject("summary");
    ScanStats stats = report.result().stats();
    summary.put("files", stats.files());
    summary.put("testFiles", stats.testFiles());
    summary.put("lines", stats.lines());
    summary.put("findings", report.findings().size());
    summary.put("baselined", report.baselined());
    ObjectNode severities = summary.putObject("bySeverity");
    for (Map.Entry<Severity, Integer> count : report.countsBySeverity().entrySet()) {
      severities.put(count.getKey().name(), count.getValue());
    }
    ObjectNode families = summary.putObject("byFamily");
    report.countsByFamily().forEach(families::put);
    summary.put("verdict", report.blocks() ? "BLOCK" : "LGTM");
    summary.put("verdictReason", report.verdictReason());
    ArrayNode rules = summary.putArray("rules");
    report.result().rules().forEach(r -> rules.add(r.qualifiedKey()));
    out.append(toJson(root)).append('\n');
  }

  /** The quick fixes of a finding: description and edits (1-based lines and columns, end exclusive, in the finding's file). */
  static void quickFixes(ArrayNode array, Finding finding) {
    for (QuickFix fix : finding.quickFixes()) {
      ObjectNode node = array.addObject();
      node.put("description", fix.description());
      ArrayNode edits = node.putArray("edits");
      for (QuickFix.Edit edit : fix.edits()) {
        edits.addObject().put("line", edit.line()).put("column", edit.column()).put("endLine", edit.endLine()).put("endColumn", edit.endColumn())
          .put("replacement", edit.replacement());
      }
    }
  }

  /** The rule's OWASP Top 10 2021 categories, CWEs and tags. */
  static void classification(ObjectNode node, RuleInfo rule) {
    ArrayNode owasp = node.putArray("owasp2021");
    rule.owasp2021Labels().forEach(owasp::add);
    ArrayNode cwe = node.putArray("cwe");
    rule.cweLabels().forEach(cwe::add);
    ArrayNode tags = node.putArray("tags");
    rule.tags().forEach(tags::add);
  }

  static void location(ObjectNode node, Location location) {
    if (!node.has("file")) {
      node.put("file", location.file());
    }
    node.put("line", location.line());
    node.put("column", location.column());
    node.put("endLine", location.endLine());
    node.put("endColumn", location.endColumn());
  }

  static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
