/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backendreview.scanner.AnalysisWarning;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.Location;
import org.backendreview.scanner.QuickFix;
import org.backendreview.scanner.RuleInfo;
import org.backendreview.scanner.Severity;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, the active rules with descriptions, help, tags (with
 * {@code security} and {@code external/cwe/cwe-N} for security rules) and {@code security-severity}; results with
 * {@code %SRCROOT%}-relative locations, related (secondary) locations and {@code partialFingerprints}; analysis
 * warnings as tool execution notifications.
 */
final class SarifReporter implements Reporter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "backendReviewFingerprint/v1";
  private static final String SRCROOT = "%SRCROOT%";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    ObjectNode root = JsonReporter.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", Report.TOOL);
    driver.put("fullName", "Backend Review for SonarQube, standalone scanner");
    driver.put("version", report.version());
    driver.put("informationUri", Report.INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (RuleInfo rule : report.result().rules()) {
      ruleIndex.put(rule.qualifiedKey(), ruleIndex.size());
      rule(rules.addObject(), rule);
    }
    String baseUri = report.result().baseDir().toUri().toString();
    run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", baseUri.endsWith("/") ? baseUri : baseUri + "/");
    ArrayNode results = run.putArray("results");
    for (Finding finding : report.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", finding.qualifiedRuleKey());
      result.put("ruleIndex", ruleIndex.get(finding.qualifiedRuleKey()));
      result.put("level", level(finding.severity()));
      result.putObject("message").put("text", finding.message());
      physical(result.putArray("locations").addObject(), finding.primary());
      if (!finding.secondaries().isEmpty()) {
        ArrayNode related = result.putArray("relatedLocations");
        int id = 1;
        for (Location secondary : finding.secondaries()) {
          ObjectNode location = related.addObject();
          location.put("id", id++);
          physical(location, secondary);
          if (!secondary.message().isEmpty()) {
            location.putObject("message").put("text", secondary.message());
          }
        }
      }
      if (!finding.quickFixes().isEmpty()) {
        fixes(result.putArray("fixes"), finding);
      }
      result.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
      result.putObject("properties").put("severity", finding.severity().name()).put("effortMinutes", finding.effortMinutes());
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    if (!report.result().warnings().isEmpty()) {
      ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
      for (AnalysisWarning warning : report.result().warnings()) {
        ObjectNode notification = notifications.addObject();
        notification.put("level", "warning");
        notification.putObject("message").put("text", warning.file() + ": " + warning.message());
        notification.putArray("locations").addObject().putObject("physicalLocation").set("artifactLocation", artifact(warning.file()));
      }
    }
    run.put("columnKind", "utf16CodeUnits");
    out.append(JsonReporter.toJson(root)).append('\n');
  }

  private static void rule(ObjectNode node, RuleInfo rule) {
    node.put("id", rule.qualifiedKey());
    node.put("name", rule.key());
    node.putObject("shortDescription").put("text", rule.title());
    node.putObject("fullDescription").put("text", rule.summary());
    String fix = rule.howToFix();
    node.putObject("help")
      .put("text", rule.summary() + "\n\nHow to fix it: " + fix + "\n\n" + Report.ruleUri(rule))
      .put("markdown", "**" + rule.title() + "**\n\n" + rule.summary() + "\n\n**How to fix it:** " + fix
        + "\n\n[Rule description](" + Report.ruleUri(rule) + ")");
    node.put("helpUri", Report.ruleUri(rule));
    node.putObject("defaultConfiguration").put("level", level(rule.severity()));
    ObjectNode properties = node.putObject("properties");
    List<String> tags = new ArrayList<>(rule.tags());
    if (rule.isSecurity()) {
      tags.add(0, "security");
      rule.cwe().forEach(c -> tags.add("external/cwe/cwe-" + c));
      rule.owasp2021().forEach(c -> tags.add("external/owasp/" + c.toLowerCase(Locale.ROOT) + ":2021"));
      properties.put("security-severity", securitySeverity(rule.severity()));
    }
    ArrayNode tagArray = properties.putArray("tags");
    tags.stream().distinct().forEach(tagArray::add);
    properties.put("precision", "high");
    properties.put("problem.severity", problemSeverity(rule.severity()));
    properties.put("sonarType", rule.type());
    properties.put("family", rule.family());
  }

  /** SARIF fixes: one per quick fix, its edits as replacements of regions of the finding's file. */
  private static void fixes(ArrayNode array, Finding finding) {
    for (QuickFix fix : finding.quickFixes()) {
      ObjectNode node = array.addObject();
      node.putObject("description").put("text", fix.description());
      ObjectNode change = node.putArray("artifactChanges").addObject();
      change.set("artifactLocation", artifact(finding.file()));
      ArrayNode replacements = change.putArray("replacements");
      for (QuickFix.Edit edit : fix.edits()) {
        ObjectNode replacement = replacements.addObject();
        replacement.putObject("deletedRegion").put("startLine", edit.line()).put("startColumn", edit.column())
          .put("endLine", edit.endLine()).put("endColumn", edit.endColumn());
        replacement.putObject("insertedContent").put("text", edit.replacement());
      }
    }
  }

  private static void physical(ObjectNode location, Location where) {
    ObjectNode physical = location.putObject("physicalLocation");
    physical.set("artifactLocation", artifact(where.file()));
    if (!where.isFileLevel()) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", where.line());
      if (!where.isLineLevel()) {
        region.put("startColumn", where.column());
        region.put("endLine", where.endLine());
        region.put("endColumn", where.endColumn());
      }
    }
  }

  private static ObjectNode artifact(String file) {
    ObjectNode artifact = JsonReporter.MAPPER.createObjectNode();
    if (file.startsWith("/") || (file.length() > 2 && file.charAt(1) == ':')) {
      artifact.put("uri", Path.of(file).toUri().toString());
    } else {
      artifact.put("uri", URI.create(encode(file)).toString());
      artifact.put("uriBaseId", SRCROOT);
    }
    return artifact;
  }

  /** Percent-encodes what a relative URI reference cannot hold (spaces, {@code %}, non-ASCII...). */
  static String encode(String path) {
    StringBuilder uri = new StringBuilder();
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
        uri.append((char) c);
      } else {
        uri.append('%').append(String.format("%02X", c));
      }
    }
    return uri.toString();
  }

  static String level(Severity severity) {
    return switch (severity) {
      case BLOCKER, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  private static String problemSeverity(Severity severity) {
    return switch (severity) {
      case BLOCKER, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "recommendation";
    };
  }

  /** GitHub's scale: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case BLOCKER -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }
}
