/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.backendreview.plugin.BackendReviewRulesDefinition;
import org.backendreview.plugin.RulesList;
import org.backendreview.plugin.TestRuntime;
import org.junit.jupiter.api.Test;
import org.sonar.api.rules.RuleType;
import org.sonar.api.server.rule.RulesDefinition;
import org.sonarsource.analyzer.commons.BuiltInQualityProfileJsonLoader;
import org.sonarsource.analyzer.commons.RuleMetadataLoader;
import org.sonar.api.impl.server.RulesDefinitionContext;
import org.backendreview.plugin.BackendReviewProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The scanner shows what SonarQube shows: its catalogue is compared with the repository as the server defines it. */
class RuleCatalogTest {

  private final RuleCatalog catalog = RuleCatalog.load();

  /** SonarPython's repository as its plugin defines it: python-checks' checks and metadata, with SonarQube's loader. */
  static RulesDefinition.Repository pythonRepository() {
    RulesDefinition.Context context = new RulesDefinitionContext();
    RulesDefinition.NewRepository repository = context.createRepository(RuleInfo.PYTHON_REPOSITORY, "py");
    new RuleMetadataLoader(RuleCatalog.PYTHON_RESOURCE_FOLDER, RuleCatalog.PYTHON_SONAR_WAY, TestRuntime.SERVER)
      .addRulesByAnnotatedClass(repository, Frontend.pythonCheckClasses());
    repository.done();
    return context.repository(RuleInfo.PYTHON_REPOSITORY);
  }

  @Test
  void every_rule_of_both_repositories() {
    RulesDefinition.Repository repository = TestRuntime.repository();
    assertThat(catalog.rules()).filteredOn(RuleInfo::isOurs).extracting(RuleInfo::key)
      .containsExactlyInAnyOrderElementsOf(repository.rules().stream().map(RulesDefinition.Rule::key).toList())
      .hasSize(RulesList.checks().size());
    Set<String> python = pythonRepository().rules().stream().map(RulesDefinition.Rule::key).collect(Collectors.toSet());
    python.removeAll(RuleCatalog.PYTHON_TEMPLATES);
    assertThat(catalog.rules()).filteredOn(r -> !r.isOurs()).extracting(RuleInfo::key)
      .containsExactlyInAnyOrderElementsOf(python)
      .hasSizeGreaterThan(440);
    assertThat(catalog.rules()).extracting(RuleInfo::key).doesNotHaveDuplicates();
  }

  @Test
  void keys_by_repository_or_bare() {
    assertThat(catalog.rule("python:S2077").orElseThrow().repository()).isEqualTo("python");
    assertThat(catalog.rule("S2077").orElseThrow().qualifiedKey()).isEqualTo("python:S2077");
    assertThat(catalog.rule("backendreview:SqlInjection").orElseThrow().key()).isEqualTo("SqlInjection");
    assertThat(catalog.rule("SqlInjection").orElseThrow().qualifiedKey()).isEqualTo("backendreview:SqlInjection");
    assertThat(catalog.rule("python:SqlInjection")).isEmpty();
    assertThat(catalog.rule("python:S2077").orElseThrow().docsUrl()).isEqualTo("https://rules.sonarsource.com/python/RSPEC-2077");
    assertThat(catalog.rule("SqlInjection").orElseThrow().docsUrl()).endsWith("/docs/rules/SqlInjection.md");
  }

  @Test
  void metadata_equals_what_sonarqube_loads() {
    List<RulesDefinition.Rule> all = new ArrayList<>(TestRuntime.repository().rules());
    all.addAll(pythonRepository().rules().stream().filter(r -> !RuleCatalog.PYTHON_TEMPLATES.contains(r.key())).toList());
    for (RulesDefinition.Rule expected : all) {
      RuleInfo rule = catalog.rule(expected.repository().key() + ":" + expected.key()).orElseThrow();
      assertThat(rule.title()).as(rule.key()).isEqualTo(expected.name());
      assertThat(rule.type()).as(rule.key()).isEqualTo(expected.type().name());
      if (expected.type() == RuleType.SECURITY_HOTSPOT) {
        // SonarQube gives hotspots no impacts (they have a review priority): the scanner ranks them by the declared
        // security impact, which matches the legacy severity SonarQube keeps
        assertThat(expected.defaultImpacts()).as(rule.key()).isEmpty();
        assertThat(rule.impacts()).as(rule.key()).containsOnlyKeys("SECURITY");
        assertThat(rule.severity().legacyName()).as(rule.key() + " severity of a hotspot").isEqualTo(expected.severity());
      } else {
        assertThat(rule.severity().legacyName()).as(rule.key() + " severity (highest impact)")
          .isEqualTo(expected.defaultImpacts().values().stream().max(Enum::compareTo).map(s -> Severity.valueOf(s.name()).legacyName()).orElseThrow());
        Map<String, Severity> impacts = new LinkedHashMap<>();
        expected.defaultImpacts().forEach((quality, severity) -> impacts.put(quality.name(), Severity.valueOf(severity.name())));
        assertThat(rule.impacts()).as(rule.key()).isEqualTo(impacts);
      }
      assertThat(new HashSet<>(rule.tags())).as(rule.key()).isEqualTo(expected.tags());
      assertThat(standards(rule)).as(rule.key())
        .isEqualTo(expected.securityStandards().stream().filter(s -> s.startsWith("cwe:") || s.startsWith("owaspTop10-2021:"))
          .collect(Collectors.toSet()));
      assertThat(rule.params()).as(rule.key()).extracting(RuleParam::key, RuleParam::defaultValue)
        .containsExactlyInAnyOrderElementsOf(expected.params().stream()
          .map(p -> org.assertj.core.groups.Tuple.tuple(p.key(), p.defaultValue() == null ? "" : p.defaultValue())).toList());
      if (expected.type() == RuleType.SECURITY_HOTSPOT) {
        assertThat(expected.cleanCodeAttribute()).as(rule.key() + ": SonarQube gives hotspots no Clean Code attribute").isNull();
      } else {
        // a few of SonarPython's rules declare no Clean Code attribute
        assertThat(rule.cleanCodeAttribute()).as(rule.key())
          .isEqualTo(expected.cleanCodeAttribute() == null ? null : expected.cleanCodeAttribute().name());
      }
      assertThat(rule.summary()).as(rule.key()).isNotBlank();
      assertThat(rule.howToFix()).as(rule.key()).isNotBlank();
      assertThat(rule.inDefaultProfile()).as(rule.key()).isEqualTo(expected.activatedByDefault()
        && !BackendReviewProfile.SUPERSEDED.containsKey(rule.isOurs() ? "" : rule.key()));
      assertThat(rule.family()).as(rule.key()).isNotBlank();
      if (expected.debtRemediationFunction() != null && expected.debtRemediationFunction().baseEffort() != null) {
        assertThat(rule.remediationMinutes()).as(rule.key()).isEqualTo(RuleCatalog.minutes(expected.debtRemediationFunction().baseEffort()));
      }
    }
  }

  @Test
  void default_profile_is_the_built_in_profile() {
    Set<String> ours = new TreeSet<>();
    BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(BackendReviewRulesDefinition.PROFILE_PATH).forEach(k -> ours.add("backendreview:" + k));
    Set<String> sonarWay = new TreeSet<>();
    BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(BackendReviewProfile.PYTHON_SONAR_WAY_SNAPSHOT).stream()
      .filter(k -> !BackendReviewProfile.SUPERSEDED.containsKey(k)).forEach(k -> sonarWay.add("python:" + k));
    assertThat(catalog.profileKeys(RuleProfile.BACKEND_REVIEW)).isEqualTo(ours);
    Set<String> whole = new TreeSet<>(ours);
    whole.addAll(sonarWay);
    assertThat(new TreeSet<>(catalog.defaultProfileKeys())).isEqualTo(whole);
    assertThat(catalog.defaultProfileKeys()).doesNotContain("python:S2077").contains("python:S5332");
  }

  @Test
  void durations() {
    assertThat(RuleCatalog.minutes("15min")).isEqualTo(15);
    assertThat(RuleCatalog.minutes("1h 30min")).isEqualTo(90);
    assertThat(RuleCatalog.minutes("1d")).isEqualTo(480);
    assertThat(RuleCatalog.minutes("")).isZero();
  }

  private static Set<String> standards(RuleInfo rule) {
    Set<String> standards = rule.cwe().stream().map(c -> "cwe:" + c).collect(Collectors.toSet());
    rule.owasp2021().forEach(o -> standards.add("owaspTop10-2021:" + o.toLowerCase(Locale.ROOT)));
    return standards;
  }

  static Collection<String> keys(Collection<RuleInfo> rules) {
    return rules.stream().map(RuleInfo::key).toList();
  }
}
