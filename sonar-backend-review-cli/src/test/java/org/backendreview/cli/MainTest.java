/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backendreview.plugin.RulesList;
import org.backendreview.scanner.RuleCatalog;
import org.backendreview.scanner.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backendreview.scanner.SampleProject.replace;
import static org.backendreview.scanner.SampleProject.write;

/** The command end to end: options, configuration, formats, baselines and exit codes. */
class MainTest {

  static final String PINNED = String.join(",", SampleProject.PINNED_RULES);

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JsonReporter.MAPPER.readTree(out);
    }
  }

  static Run run(Path cwd, String... args) {
    return run(cwd, Map.of(), args);
  }

  static Run run(Path cwd, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // no findings cache in the sources' sample project (FindingCacheTest tests the cache)
    Map<String, String> environment = new java.util.HashMap<>(env);
    environment.putIfAbsent("BACKEND_REVIEW_NO_CACHE", "1");
    int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), cwd, environment)
      .run(args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void text_report_grouped_by_file() {
    Run run = run(SampleProject.DIR, "scan", ".", "--rules", PINNED);
    assertThat(run.code()).isEqualTo(Main.FINDINGS);
    assertThat(run.out()).contains("""
      api/views.py
        17:5  MEDIUM  Update "stock" in the database with F("stock") or lock the row with select_for_update(): this read-modify-write \
      loses concurrent updates.  backendreview:ReadModifyWriteWithoutF
              ↳ 13:15 Instance read without a row lock
              ↳ 18:5 Old value plus the change written back
      """);
    assertThat(run.out()).contains("shopsite/settings/production.py\n  6:40   MEDIUM  Make this fallback False")
      .endsWith("5 findings (5 medium) in 4 files. 20 files analysed with 5 rules.\n")
      .doesNotContain("\u001b[");
    assertThat(run.err()).isEmpty();
    assertThat(run(SampleProject.DIR, "--rules", PINNED, "--color", "always").out()).contains("\u001b[33mMEDIUM");
    assertThat(run(SampleProject.DIR, Map.of("BACKEND_REVIEW_STDOUT_TTY", "1"), "--rules", PINNED).out()).contains("\u001b[");
    assertThat(run(SampleProject.DIR, Map.of("BACKEND_REVIEW_STDOUT_TTY", "1", "NO_COLOR", "1"), "--rules", PINNED).out()).doesNotContain("\u001b[");
  }

  @Test
  void the_default_run_uses_the_profile_and_fails_on_any_finding() {
    Run run = run(SampleProject.DIR);
    assertThat(run.code()).isEqualTo(Main.FINDINGS);
    assertThat(run.out()).contains("ReadModifyWriteWithoutF", "AllowedHostsWildcard", "IrreversibleDataMigration");
  }

  @Test
  void fail_on_threshold() {
    assertThat(run(SampleProject.DIR, "--rules", PINNED, "--fail-on", "high").code()).isEqualTo(Main.OK);
    assertThat(run(SampleProject.DIR, "--rules", PINNED, "--fail-on", "medium").code()).isEqualTo(Main.FINDINGS);
    assertThat(run(SampleProject.DIR, "--rules", PINNED, "--fail-on", "none").code()).isEqualTo(Main.OK);
    assertThat(run(SampleProject.DIR, "--rules", "DuplicateModuleConstant", "--exclude", "inventory_service").code()).isEqualTo(Main.OK);
  }

  @Test
  void json_report() throws Exception {
    Run run = run(SampleProject.DIR, "--rules", PINNED, "--format", "json");
    JsonNode json = run.json();
    assertThat(json.path("tool").path("name").asText()).isEqualTo("backend-review");
    assertThat(json.path("findings")).hasSize(5);
    JsonNode first = json.path("findings").get(0);
    assertThat(first.path("rule").asText()).isEqualTo("backendreview:ReadModifyWriteWithoutF");
    assertThat(first.path("repository").asText()).isEqualTo("backendreview");
    assertThat(first.path("ruleUrl").asText()).endsWith("/docs/rules/ReadModifyWriteWithoutF.md");
    assertThat(first.path("file").asText()).isEqualTo("api/views.py");
    assertThat(first.path("line").asInt()).isEqualTo(17);
    assertThat(first.path("column").asInt()).isEqualTo(5);
    assertThat(first.path("endColumn").asInt()).isEqualTo(30);
    assertThat(first.path("severity").asText()).isEqualTo("MEDIUM");
    assertThat(first.path("secondaryLocations")).hasSize(2);
    assertThat(first.path("fingerprint").asText()).matches("[0-9a-f]{16}:1");
    JsonNode hosts = json.path("findings").get(4);
    assertThat(hosts.path("owasp2021").get(0).asText()).isEqualTo("A05:2021");
    assertThat(hosts.path("cwe").toString()).isEqualTo("[\"CWE-20\",\"CWE-644\"]");
    assertThat(json.path("summary").path("bySeverity").path("MEDIUM").asInt()).isEqualTo(5);
    // medium settings vulnerabilities and code smells: nothing blocks
    assertThat(json.path("summary").path("verdict").asText()).isEqualTo("LGTM");
    assertThat(json.path("summary").path("files").asInt()).isEqualTo(20);
    assertThat(json.path("warnings")).isEmpty();
  }

  @Test
  void output_file() throws Exception {
    Path report = dir.resolve("reports/review.md");
    Run run = run(SampleProject.DIR, "--rules", PINNED, "-f", "markdown", "-o", report.toString());
    assertThat(run.code()).isEqualTo(Main.FINDINGS);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("5 findings written to " + report + ".\n");
    assertThat(Files.readString(report)).startsWith("## Backend Review: sample-project");
    assertThat(run(SampleProject.DIR, "--rules", PINNED, "-o", dir.resolve("r.txt").toString(), "-q").err()).isEmpty();
  }

  @Test
  void markdown_review_report() {
    String md = run(SampleProject.DIR, "--rules", PINNED, "--format", "markdown").out();
    assertThat(md).contains(
      "### Executive Summary\n\n- **Verdict: LGTM**: no high-severity vulnerability or bug; 5 findings to consider.\n- **5 findings** in 4 files: 5 medium.\n",
      "- By family: Migrations 1 · Python hygiene 1 · Settings & deployment 2 · Transactions & consistency 1.\n",
      "- Security: 2 findings (OWASP Top 10 A05:2021; CWE-20, CWE-489, CWE-644, CWE-798, CWE-1188).\n",
      "| Severity | File:Line | Issue | Recommended Fix |\n| :-- | :-- | :-- | :-- |\n",
      "| 🟠 MEDIUM | `api/views.py:17` | Django model fields should not be updated with a read-modify-write without \"F()\" or a row lock "
        + "(`backendreview:ReadModifyWriteWithoutF`) | Update \"stock\" in the database with F(\"stock\") or lock the row with select_for_update(): "
        + "this read-modify-write loses concurrent updates. |\n",
      "### Critical Security Issues 🔴\n\n- **A05:2021 Security Misconfiguration**: Django settings read from the environment should not fall "
        + "back to insecure values\n  - **Location**: `shopsite/settings/production.py:6`\n",
      "- **A05:2021 Security Misconfiguration**: Deployable Django settings should not allow every host in \"ALLOWED_HOSTS\"\n"
        + "  - **Location**: `shopsite/settings/production.py:11`\n"
        + "  - **Risk**: This rule raises an issue when a deployable Django settings module puts \"*\" in ALLOWED_HOSTS (assigned, appended or "
        + "extended), so that the site answers requests for any Host header. (CWE-20, CWE-644)\n"
        + "  - **Fix**: Replace this \"*\" with the host names the site serves: a wildcard in ALLOWED_HOSTS accepts any Host header.\n",
      "### Top Risks\n\n1. **",
      "### Final Verdict: LGTM (#blocker 0, #high 0, #security 2)\n\nNo high-severity vulnerability or bug; 5 findings to consider.\n");
    String lgtm = run(SampleProject.DIR, "--rules", "DuplicateModuleConstant", "--format", "markdown").out();
    assertThat(lgtm).contains("### Final Verdict: LGTM (#blocker 0, #high 0, #security 0)\n\nNo high-severity vulnerability or bug; "
      + "1 finding to consider.\n");
    String clean = run(SampleProject.DIR, "--rules", "DuplicateModuleConstant", "--exclude", "inventory_service", "--format", "markdown").out();
    assertThat(clean).contains("- No findings.\n").contains("### Final Verdict: LGTM").doesNotContain("### Review Table");
  }

  @Test
  void sonarqube_generic_issue_format() throws Exception {
    JsonNode json = run(SampleProject.DIR, "--rules", PINNED, "--format", "sonarqube").json();
    assertThat(json.path("rules")).hasSize(5);
    JsonNode rule = json.path("rules").findParent("id");
    assertThat(rule.fieldNames()).toIterable().contains("id", "name", "description", "engineId", "cleanCodeAttribute", "impacts");
    assertThat(json.path("issues")).hasSize(5);
    JsonNode issue = json.path("issues").get(0);
    assertThat(issue.path("ruleId").asText()).isEqualTo("backendreview:ReadModifyWriteWithoutF");
    assertThat(issue.path("effortMinutes").asInt()).isEqualTo(15);
    JsonNode location = issue.path("primaryLocation");
    assertThat(location.path("filePath").asText()).isEqualTo("api/views.py");
    assertThat(location.path("textRange").toString()).isEqualTo("{\"startLine\":17,\"endLine\":17,\"startColumn\":4,\"endColumn\":29}");
    assertThat(issue.path("secondaryLocations")).hasSize(2);
  }

  @Test
  void baseline_hides_known_findings_across_line_shifts() throws Exception {
    Path project = SampleProject.copyTo(dir.resolve("project"));
    Path baseline = dir.resolve("baseline.json");
    Run written = run(project, "--rules", PINNED, "--write-baseline", baseline.toString());
    assertThat(written.code()).isEqualTo(Main.OK);
    assertThat(written.out()).isEmpty();
    assertThat(written.err()).contains("Baseline written to " + baseline + ": 5 findings.");
    assertThat(Baseline.read(baseline).newFindings(org.backendreview.scanner.Scanner.findings(
      org.backendreview.scanner.ScanConfig.builder(project).baseDir(project).rules(SampleProject.PINNED_RULES).build()))).isEmpty();

    Run clean = run(project, "--rules", PINNED, "--baseline", baseline.toString());
    assertThat(clean.code()).isEqualTo(Main.OK);
    assertThat(clean.out()).isEqualTo("No findings. 20 files analysed with 5 rules; 5 known findings hidden by the baseline.\n");

    // unrelated edits move the known findings; one new finding appears
    replace(project.resolve("api/views.py"), "from django.db import transaction\n", "import logging\n\nfrom django.db import transaction\n");
    replace(project.resolve("inventory_service/config.py"), "PAGE_SIZE = 100\n", "PAGE_SIZE = 100\nPAGE_SIZE = 50\n");
    Run changed = run(project, "--rules", PINNED, "--baseline", baseline.toString(), "--format", "json");
    assertThat(changed.code()).isEqualTo(Main.FINDINGS);
    JsonNode json = changed.json();
    assertThat(json.path("findings")).hasSize(1);
    assertThat(json.path("findings").get(0).path("message").asText()).contains("\"PAGE_SIZE\"");
    assertThat(json.path("summary").path("baselined").asInt()).isEqualTo(5);

    write(dir.resolve("not-a-baseline.json"), "{\"findings\": 3}");
    assertThat(run(project, "--baseline", dir.resolve("not-a-baseline.json").toString()).code()).isEqualTo(Main.ERROR);
    Run missing = run(project, "--baseline", dir.resolve("missing.json").toString());
    assertThat(missing.code()).isEqualTo(Main.ERROR);
    assertThat(missing.err()).startsWith("backend-review: Cannot read the baseline");
  }

  @Test
  void pyproject_configuration() {
    Path project = SampleProject.copyTo(dir.resolve("project"));
    write(project.resolve("pyproject.toml"),
      "[project]",
      "name = \"shopsite\"",
      "",
      "[tool.backend-review]",
      "rules = [\"DuplicateModuleConstant\", \"AllowedHostsWildcard\", \"ReadModifyWriteWithoutF\"]",
      "disable = \"ReadModifyWriteWithoutF\"",
      "exclude = [\"inventory_service/db.py\"]",
      "fail-on = \"high\"",
      "",
      "[tool.backend-review.params]",
      "\"AllowedHostsWildcard.nonDeployableSettings\" = \"dev|production\"");
    // run from a sub-directory: the configuration is found upwards and paths are relative to its directory
    Run run = run(project.resolve("inventory_service"), "..");
    assertThat(run.out()).contains("inventory_service/config.py\n  9:1  MEDIUM").doesNotContain("AllowedHostsWildcard", "ReadModifyWriteWithoutF")
      .contains("1 finding (1 medium) in 1 file. 19 files analysed with 2 rules.");
    assertThat(run.code()).isEqualTo(Main.OK);
    // the command line wins
    Run override = run(project, "--rules", "AllowedHostsWildcard", "--fail-on", "medium", "--param", "AllowedHostsWildcard.nonDeployableSettings=dev");
    assertThat(override.out()).contains("AllowedHostsWildcard");
    assertThat(override.code()).isEqualTo(Main.FINDINGS);
    assertThat(run(project, "--no-config").out()).contains("ReadModifyWriteWithoutF");

    // code roles: the checks read them from the same file; tooling is not reported by production-behaviour rules
    write(project.resolve("pyproject.toml"), "[tool.backend-review]", "rules = [\"DuplicateModuleConstant\"]",
      "tooling = [\"inventory_service/**\"]", "not-code = \"docs/**\"", "product = []");
    Run roles = run(project);
    assertThat(roles.out()).doesNotContain("inventory_service/config.py");
    assertThat(roles.code()).isEqualTo(Main.OK);

    write(project.resolve("pyproject.toml"), "[tool.backend-review]", "rule = [\"X\"]");
    Run typo = run(project);
    assertThat(typo.code()).isEqualTo(Main.ERROR);
    assertThat(typo.err()).contains("unknown key \"rule\" in [tool.backend-review] (known keys: baseline, cache, cache-dir, default-excludes, disable, exclude,");
    write(project.resolve("pyproject.toml"), "[tool.backend-review]", "strict = \"yes\"");
    assertThat(run(project).err()).contains("\"strict\" in [tool.backend-review] must be true or false");
    write(project.resolve("pyproject.toml"), "[tool.backend-review", "broken");
    assertThat(run(project).err()).startsWith("backend-review: Cannot read " + project.resolve("pyproject.toml"));
    assertThat(run(project, "--config", "nope.toml").err()).isEqualTo("backend-review: Configuration file not found: nope.toml\n");
  }

  @Test
  void warnings_strict_and_quiet() {
    write(dir.resolve("ok.py"), "x = 1");
    write(dir.resolve("broken.py"), "def broken(:");
    Run run = run(dir, "--all", "--disable", "python:S1720");
    assertThat(run.code()).isEqualTo(Main.OK);
    assertThat(run.err()).isEqualTo("warning: broken.py: syntax error at line 1, not analysed\n");
    assertThat(run.out()).isEqualTo("No findings. 1 file analysed with " + (RuleCatalog.load().rules().size() - 1) + " rules; 1 analysis warning.\n");
    assertThat(run(dir, "--profile", "backend-review", "--strict").code()).isEqualTo(Main.ERROR);
    assertThat(run(dir, "--profile", "backend-review", "--quiet").err()).isEmpty();
  }

  @Test
  void verbose_reports_throughput() {
    Run run = run(SampleProject.DIR, "--rules", PINNED, "-v", "-q");
    assertThat(run.err()).contains("index", "analysis", "20 files (1 test files)", "files/s", "LOC/s", "LOC per CPU-second");
  }

  @Test
  void usage_and_analysis_errors_exit_2() {
    Run unknownRule = run(SampleProject.DIR, "--rules", "Nope");
    assertThat(unknownRule.code()).isEqualTo(Main.ERROR);
    assertThat(unknownRule.err()).isEqualTo("backend-review: Unknown rule key: Nope (see --list-rules)\n");
    assertThat(run(SampleProject.DIR, "missing/dir").err()).isEqualTo("backend-review: Path not found: missing/dir\n");
    assertThat(run(SampleProject.DIR, "--frobnicate").code()).isEqualTo(Main.ERROR);
    assertThat(run(SampleProject.DIR, "--python-version", "2.7").err()).contains("Unknown Python version \"2.7\"");
    assertThat(run(SampleProject.DIR, "--list-rules", "--format", "sarif").code()).isEqualTo(Main.ERROR);
  }

  @Test
  void list_rules() throws Exception {
    Run text = run(dir, "--list-rules");
    assertThat(text.code()).isEqualTo(Main.OK);
    assertThat(text.out()).startsWith("KEY").contains("TYPE", "SEVERITY", "OWASP 2021", "CWE", "TITLE")
      .contains("AllowedHostsWildcard", "A05:2021", "CWE-20, CWE-644")
      .contains("    param backendreview:AllowedHostsWildcard.nonDeployableSettings = ")
      .contains("python:S2077", "python:S5332", "backendreview:SqlInjection");
    for (Class<?> check : RulesList.checks()) {
      assertThat(text.out()).contains(check.getAnnotation(org.sonar.check.Rule.class).key());
    }
    JsonNode json = run(dir, "rules", "--format", "json").json();
    assertThat(json).hasSize(RuleCatalog.load().rules().size());
    assertThat(json.findValuesAsText("repository")).contains("python", "backendreview");
    assertThat(json.get(0).fieldNames()).toIterable().contains("key", "title", "type", "severity", "owasp2021", "cwe", "params", "defaultProfile");
    assertThat(run(dir, "--list-rules", "-f", "markdown").out()).startsWith("| Key | Title | Type | Severity | Default | OWASP 2021 | CWE |");
  }

  @Test
  void profiles_and_repository_keys() throws Exception {
    Run whole = run(SampleProject.DIR, "--format", "json", "--fail-on", "none");
    JsonNode findings = whole.json().path("findings");
    assertThat(findings.findValuesAsText("rule")).contains("python:S2208", "backendreview:ReadModifyWriteWithoutF");
    JsonNode theirs = java.util.stream.StreamSupport.stream(findings.spliterator(), false)
      .filter(f -> f.path("rule").asText().equals("python:S2208")).findFirst().orElseThrow();
    assertThat(theirs.path("ruleUrl").asText()).isEqualTo("https://rules.sonarsource.com/python/RSPEC-2208");
    assertThat(theirs.path("family").asText()).isEqualTo("SonarPython");
    JsonNode ours = run(SampleProject.DIR, "--profile", "backend-review", "--format", "json", "--fail-on", "none").json().path("findings");
    assertThat(ours.findValuesAsText("repository")).containsOnly("backendreview");
    assertThat(run(SampleProject.DIR, "--rules", "python:S2208,SqlInjection", "--fail-on", "none").out())
      .contains("python:S2208", "backendreview:SqlInjection").doesNotContain("ReadModifyWriteWithoutF");
    assertThat(run(SampleProject.DIR, "--profile", "nope").err()).contains("Unknown profile \"nope\"");
    assertThat(run(SampleProject.DIR, "--rules", "python:Nope").err()).contains("Unknown rule key: python:Nope");
  }

  @Test
  void help_and_version() {
    assertThat(run(dir, "--help").out()).startsWith("Usage: backend-review").contains("--fail-on", "--baseline", "--format");
    assertThat(run(dir, "--version").out()).startsWith("backend-review ");
  }
}
