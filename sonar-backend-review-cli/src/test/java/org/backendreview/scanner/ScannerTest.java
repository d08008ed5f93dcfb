/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backendreview.plugin.RulesList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.backendreview.scanner.SampleProject.PINNED_RULES;
import static org.backendreview.scanner.SampleProject.describe;
import static org.backendreview.scanner.SampleProject.locations;
import static org.backendreview.scanner.SampleProject.replace;
import static org.backendreview.scanner.SampleProject.write;

/** End to end through the Java API, on the sample Django + DRF + FastAPI project and on broken projects. */
class ScannerTest {

  @TempDir
  Path dir;

  private static ScanConfig.Builder sample(Path root) {
    return ScanConfig.builder(root).baseDir(root).rules(PINNED_RULES);
  }

  @Test
  void findings_on_the_sample_project() {
    ScanResult result = Scanner.scan(sample(SampleProject.DIR).build());
    assertThat(describe(result.findings())).containsExactly(
      "ReadModifyWriteWithoutF api/views.py:17 Update \"stock\" in the database with F(\"stock\") or lock the row with select_for_update(): "
        + "this read-modify-write loses concurrent updates.",
      "DuplicateModuleConstant inventory_service/config.py:9 Remove or rename this second definition of \"REQUEST_TIMEOUT\": it silently "
        + "replaces the value set on line 5.",
      "IrreversibleDataMigration shop/migrations/0002_backfill_sku.py:17 Pass \"reverse_code\" to this RunPython (RunPython.noop when "
        + "nothing needs undoing): without it the migration cannot be rolled back.",
      "FailOpenSettingsDefault shopsite/settings/production.py:6 Make this fallback False: DEBUG is on whenever \"DJANGO_DEBUG\" is not set in "
        + "production.",
      "AllowedHostsWildcard shopsite/settings/production.py:11 Replace this \"*\" with the host names the site serves: a wildcard in "
        + "ALLOWED_HOSTS accepts any Host header.");
    Finding lostUpdate = result.findings().get(0);
    assertThat(lostUpdate.primary()).isEqualTo(new Location("api/views.py", 17, 5, 17, 30, lostUpdate.message()));
    assertThat(lostUpdate.secondaries()).extracting(Location::line, Location::message)
      .containsExactly(org.assertj.core.groups.Tuple.tuple(13, "Instance read without a row lock"),
        org.assertj.core.groups.Tuple.tuple(18, "Old value plus the change written back"));
    assertThat(lostUpdate.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(lostUpdate.effortMinutes()).isEqualTo(15);
    assertThat(result.warnings()).isEmpty();
    assertThat(result.stats().files()).isEqualTo(20);
    assertThat(result.stats().testFiles()).isEqualTo(1);
    assertThat(result.stats().lines()).isGreaterThan(300);
    assertThat(result.rules()).extracting(RuleInfo::key).containsExactlyInAnyOrderElementsOf(PINNED_RULES);
  }

  @Test
  void default_profile_and_all_rules() {
    ScanResult byDefault = Scanner.scan(ScanConfig.builder(SampleProject.DIR).baseDir(SampleProject.DIR).build());
    assertThat(byDefault.rules()).extracting(RuleInfo::qualifiedKey).containsExactlyInAnyOrderElementsOf(RuleCatalog.load().defaultProfileKeys());
    assertThat(byDefault.rules()).extracting(RuleInfo::qualifiedKey).contains("python:S5332", "backendreview:ReadModifyWriteWithoutF")
      .doesNotContain("python:S2077");
    assertThat(locations(byDefault.findings())).contains("S2208 shopsite/settings/production.py:3", "ReadModifyWriteWithoutF api/views.py:17");
    ScanResult all = Scanner.scan(ScanConfig.builder(SampleProject.DIR).baseDir(SampleProject.DIR).allRules(true).build());
    assertThat(all.rules()).hasSize(RuleCatalog.load().rules().size()).hasSizeGreaterThan(RulesList.checks().size() + 440);
    assertThat(locations(all.findings())).containsAll(locations(byDefault.findings()));
    ScanResult ours = Scanner.scan(ScanConfig.builder(SampleProject.DIR).baseDir(SampleProject.DIR).profile(RuleProfile.BACKEND_REVIEW).build());
    assertThat(ours.rules()).allMatch(RuleInfo::isOurs).extracting(RuleInfo::qualifiedKey)
      .containsExactlyInAnyOrderElementsOf(RuleCatalog.load().profileKeys(RuleProfile.BACKEND_REVIEW));
    assertThat(ours.findings()).allMatch(f -> f.rule().isOurs()).isNotEmpty();
    ScanResult chosen = Scanner.scan(ScanConfig.builder(SampleProject.DIR).baseDir(SampleProject.DIR)
      .rules(java.util.Set.of("python:S2208", "backendreview:AllowedHostsWildcard", "ReadModifyWriteWithoutF")).disableRules(java.util.Set.of("S2208")).build());
    assertThat(chosen.rules()).extracting(RuleInfo::qualifiedKey)
      .containsExactlyInAnyOrder("backendreview:AllowedHostsWildcard", "backendreview:ReadModifyWriteWithoutF");
    ScanResult repository = Scanner.scan(ScanConfig.builder(SampleProject.DIR).baseDir(SampleProject.DIR).rules(java.util.Set.of("backendreview:*")).build());
    assertThat(repository.rules()).hasSize(RulesList.checks().size()).allMatch(RuleInfo::isOurs);
  }

  @Test
  void types_resolve_across_modules_through_the_project_symbol_table() {
    // api/views.py alone: Product (from shop.models) is unknown, so the rule cannot prove it is a Django model
    List<Finding> viewsAlone = Scanner.findings(sample(SampleProject.DIR.resolve("api")).baseDir(SampleProject.DIR).build());
    assertThat(locations(viewsAlone)).isEmpty();
    List<Finding> withModels = Scanner.findings(sample(SampleProject.DIR.resolve("api")).baseDir(SampleProject.DIR)
      .paths(List.of(SampleProject.DIR.resolve("api"), SampleProject.DIR.resolve("shop/models.py"))).build());
    assertThat(locations(withModels)).containsExactly("ReadModifyWriteWithoutF api/views.py:17");
  }

  @Test
  void nosonar_comments() {
    Path project = SampleProject.copyTo(dir);
    Path views = project.resolve("api/views.py");
    String line = "product.stock += order.quantity";
    String suppressed = line + "  # NOSONAR(ReadModifyWriteWithoutF) cancellations are serialised by the back-office queue";
    assertThat(locations(Scanner.findings(sample(project).build()))).doesNotContain("ReadModifyWriteWithoutF api/views.py:35");

    replace(views, suppressed, line);
    assertThat(locations(Scanner.findings(sample(project).build()))).contains("ReadModifyWriteWithoutF api/views.py:35");

    replace(views, line, line + "  # NOSONAR(AllowedHostsWildcard)");
    assertThat(locations(Scanner.findings(sample(project).build()))).contains("ReadModifyWriteWithoutF api/views.py:35");

    replace(views, "# NOSONAR(AllowedHostsWildcard)", "# NOSONAR(ReadModifyWriteWithoutF, AllowedHostsWildcard)");
    assertThat(locations(Scanner.findings(sample(project).build()))).doesNotContain("ReadModifyWriteWithoutF api/views.py:35");

    replace(views, "# NOSONAR(ReadModifyWriteWithoutF, AllowedHostsWildcard)", "# NOSONAR");
    assertThat(locations(Scanner.findings(sample(project).build()))).doesNotContain("ReadModifyWriteWithoutF api/views.py:35");

    replace(views, "# NOSONAR", "# noqa");
    assertThat(locations(Scanner.findings(sample(project).build()))).doesNotContain("ReadModifyWriteWithoutF api/views.py:35");

    // "# nosec" only silences SonarPython's own security rules
    replace(views, "# noqa", "# nosec");
    assertThat(locations(Scanner.findings(sample(project).build()))).contains("ReadModifyWriteWithoutF api/views.py:35");
  }

  @Test
  void rules_for_main_code_skip_test_files() {
    // SonarPython's heuristic: shop/tests.py is a test file
    assertThat(locations(Scanner.findings(sample(SampleProject.DIR).build()))).noneMatch(l -> l.contains("shop/tests.py"));
    // configured test files replace the heuristic: shop/tests.py is then main code
    ScanResult configured = Scanner.scan(sample(SampleProject.DIR).testPattern("integration_tests/**").build());
    assertThat(locations(configured.findings())).contains("ReadModifyWriteWithoutF shop/tests.py:11");
    assertThat(configured.stats().testFiles()).isZero();
    ScanResult everythingIsTest = Scanner.scan(sample(SampleProject.DIR).testPattern("*.py").build());
    assertThat(everythingIsTest.findings()).isEmpty();
    assertThat(everythingIsTest.stats().testFiles()).isEqualTo(20);
  }

  @Test
  void rule_parameters() {
    List<Finding> findings = Scanner.findings(sample(SampleProject.DIR).param("AllowedHostsWildcard.nonDeployableSettings", "dev|production").build());
    assertThat(locations(findings)).noneMatch(l -> l.startsWith("AllowedHostsWildcard"));

    assertThatThrownBy(() -> Scanner.scan(sample(SampleProject.DIR).param("AllowedHostsWildcard.nope", "x").build()))
      .isInstanceOf(IllegalArgumentException.class).hasMessage("Rule AllowedHostsWildcard has no parameter \"nope\" (parameters: nonDeployableSettings)");
    assertThatThrownBy(() -> Scanner.scan(sample(SampleProject.DIR).param("ReadModifyWriteWithoutF.x", "1").build()))
      .hasMessage("Rule ReadModifyWriteWithoutF has no parameter \"x\" (it has no parameters)");
    assertThatThrownBy(() -> Scanner.scan(sample(SampleProject.DIR).param("noDot", "1").build()))
      .hasMessageContaining("must be written RuleKey.parameter");
  }

  @Test
  void unknown_rules_are_configuration_errors() {
    assertThatThrownBy(() -> Scanner.scan(sample(SampleProject.DIR).rules(Set.of("NoSuchRule", "ReadModifyWriteWithoutF")).build()))
      .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown rule key: NoSuchRule (see --list-rules)");
    assertThatThrownBy(() -> Scanner.scan(sample(SampleProject.DIR).disableRules(Set.of("Nope")).build()))
      .hasMessage("Unknown rule key: Nope (see --list-rules)");
  }

  @Test
  void disabled_rules() {
    List<Finding> findings = Scanner.findings(sample(SampleProject.DIR).disableRules(Set.of("DuplicateModuleConstant")).build());
    assertThat(locations(findings)).hasSize(4).noneMatch(l -> l.startsWith("DuplicateModuleConstant"));
  }

  @Test
  void secondary_locations_in_other_files_are_relative_to_the_base_directory() throws Exception {
    write(dir.resolve("app/__init__.py"));
    write(dir.resolve("app/main.py"), "from fastapi import FastAPI", "from .routers import items", "", "app = FastAPI()",
      "app.include_router(items.router)");
    write(dir.resolve("app/routers/__init__.py"));
    write(dir.resolve("app/routers/items.py"), "from fastapi import APIRouter", "", "router = APIRouter()", "",
      "class ItemLocked(Exception):", "    pass", "", "", "@router.get(\"/items/{item_id}\")", "def read_item(item_id: int) -> int:",
      "    raise ItemLocked(item_id)");

    ScanResult result = Scanner.scan(ScanConfig.builder(dir).baseDir(dir).rules(Set.of("FastApiExceptionWithoutHandler")).build());

    assertThat(locations(result.findings())).containsExactly("FastApiExceptionWithoutHandler app/main.py:5");
    assertThat(result.findings().get(0).secondaries()).extracting(l -> l.file() + ":" + l.line())
      .contains("app/routers/items.py:11");
  }

  @Test
  void bad_input_does_not_stop_the_scan() throws Exception {
    write(dir.resolve("good.py"), "LIMIT = 1", "LIMIT = 2");
    write(dir.resolve("syntax_error.py"), "def broken(:", "    pass");
    // the frontend parses most Python 2 code: such files are analysed
    write(dir.resolve("python2.py"), "print 'hello'", "try:", "    LIMIT = 1", "except ValueError, e:", "    pass", "LIMIT = 1", "LIMIT = 2");
    write(dir.resolve("python2_broken.py"), "print 'hello'", "def broken(:", "    pass");
    Files.write(dir.resolve("binary.py"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01});
    Files.write(dir.resolve("latin1.py"), "NAME = 'caf\u00e9'\nNAME = 'th\u00e9'\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    write(dir.resolve("huge.py"), "X = '" + "x".repeat(5000) + "'");
    write(dir.resolve("deep.py"), "X = " + "(".repeat(3000) + "1" + ")".repeat(3000));
    write(dir.resolve("empty.py"));

    ScanResult result = Scanner.scan(ScanConfig.builder(dir).baseDir(dir).rules(Set.of("DuplicateModuleConstant")).maxFileSize(4096).build());

    assertThat(locations(result.findings())).containsExactly("DuplicateModuleConstant good.py:2", "DuplicateModuleConstant latin1.py:2",
      "DuplicateModuleConstant python2.py:7");
    assertThat(result.warnings()).extracting(AnalysisWarning::toString).contains(
      "binary.py: binary file (it contains NUL bytes), skipped",
      "huge.py: file of 4 KiB is larger than the limit of 4 KiB, skipped",
      "latin1.py: is not valid UTF-8: analysed with the invalid bytes replaced",
      "python2_broken.py: syntax error at line 2 (Python 2 syntax is not supported), not analysed",
      "syntax_error.py: syntax error at line 1, not analysed");
    assertThat(result.warnings()).extracting(AnalysisWarning::file).doesNotContain("good.py", "empty.py");
    assertThat(result.stats().skipped()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void a_failing_check_loses_only_its_own_issues_on_that_file() {
    write(dir.resolve("ok.py"), "x = 1");
    write(dir.resolve("boom.py"), "LIMIT = 1", "LIMIT = 2", "boom()");
    RuleCatalog catalog = RuleCatalog.load(List.of(ThrowingCheck.class, org.backendreview.checks.hygiene.DuplicateModuleConstantCheck.class));
    ScanResult result = Scanner.scan(ScanConfig.builder(dir).baseDir(dir).allRules(true).build(), catalog);
    assertThat(locations(result.findings())).containsExactly("DuplicateModuleConstant boom.py:2", "ThrowingForTest ok.py:0");
    assertThat(result.warnings()).extracting(AnalysisWarning::toString).singleElement().asString()
      .startsWith("boom.py: rule backendreview:ThrowingForTest failed on this file, its issues here are dropped (IllegalStateException: boom at ThrowingCheck.");
  }

  @Test
  void parallel_scan_is_deterministic() {
    List<Finding> one = Scanner.findings(sample(SampleProject.DIR).allRules(true).rules(null).threads(1).build());
    List<Finding> four = Scanner.findings(sample(SampleProject.DIR).allRules(true).rules(null).threads(4).build());
    assertThat(four).isEqualTo(one);
  }

  @Test
  void fingerprints_survive_unrelated_line_shifts() {
    Path project = SampleProject.copyTo(dir);
    List<String> before = fingerprints(Scanner.findings(sample(project).build()));
    replace(project.resolve("api/views.py"), "@require_POST\ndef buy(", "# a new comment\n\n\n@require_POST\ndef buy(");
    replace(project.resolve("shopsite/settings/production.py"), "import os\n", "import os\nimport sys\n");
    List<Finding> after = Scanner.findings(sample(project).build());
    assertThat(locations(after)).contains("ReadModifyWriteWithoutF api/views.py:20", "AllowedHostsWildcard shopsite/settings/production.py:12");
    assertThat(fingerprints(after)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(before).doesNotHaveDuplicates().allMatch(f -> f.matches("[0-9a-f]{16}:\\d+"));
  }

  @Test
  void notebooks_when_asked() {
    write(dir.resolve("analysis.ipynb"),
      "{",
      " \"cells\": [",
      "  {",
      "   \"cell_type\": \"code\",",
      "   \"execution_count\": null,",
      "   \"metadata\": {},",
      "   \"outputs\": [],",
      "   \"source\": [",
      "    \"LIMIT = 1\\n\",",
      "    \"LIMIT = 2\\n\"",
      "   ]",
      "  }",
      " ],",
      " \"metadata\": {\"language_info\": {\"name\": \"python\"}},",
      " \"nbformat\": 4,",
      " \"nbformat_minor\": 5",
      "}");
    assertThat(Scanner.findings(ScanConfig.builder(dir).baseDir(dir).allRules(true).build())).isEmpty();
    ScanResult result = Scanner.scan(ScanConfig.builder(dir).baseDir(dir).rules(Set.of("DuplicateModuleConstant")).notebooks(true).build());
    assertThat(result.warnings()).isEmpty();
    assertThat(locations(result.findings())).containsExactly("DuplicateModuleConstant analysis.ipynb:10");
  }

  private static List<String> fingerprints(List<Finding> findings) {
    List<String> result = new ArrayList<>();
    findings.forEach(f -> result.add(f.fingerprint()));
    return result;
  }
}
