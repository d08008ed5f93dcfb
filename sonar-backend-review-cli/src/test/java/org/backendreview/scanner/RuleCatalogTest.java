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

import static org.assertj.core.api.Assertions.assertThat;

/** The scanner shows what SonarQube shows: its catalogue is compared with the repository as the server defines it. */
class RuleCatalogTest {

  private final RuleCatalog catalog = RuleCatalog.load();

  @Test
  void every_rule_of_the_repository() {
    RulesDefinition.Repository repository = TestRuntime.repository();
    assertThat(catalog.rules()).extracting(RuleInfo::key)
      .containsExactlyInAnyOrderElementsOf(repository.rules().stream().map(RulesDefinition.Rule::key).toList())
      .hasSize(RulesList.checks().size());
  }

  @Test
  void metadata_equals_what_sonarqube_loads() {
    for (RulesDefinition.Rule expected : TestRuntime.repository().rules()) {
      RuleInfo rule = catalog.rule(expected.key()).orElseThrow();
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
          .map(p -> org.assertj.core.groups.Tuple.tuple(p.key(), p.defaultValue())).toList());
      if (expected.type() == RuleType.SECURITY_HOTSPOT) {
        assertThat(expected.cleanCodeAttribute()).as(rule.key() + ": SonarQube gives hotspots no Clean Code attribute").isNull();
      } else {
        assertThat(rule.cleanCodeAttribute()).as(rule.key()).isEqualTo(expected.cleanCodeAttribute().name());
      }
      assertThat(rule.summary()).as(rule.key()).isNotBlank();
      assertThat(rule.howToFix()).as(rule.key()).isNotBlank();
      assertThat(rule.family()).as(rule.key()).isNotBlank();
      if (expected.debtRemediationFunction() != null && expected.debtRemediationFunction().baseEffort() != null) {
        assertThat(rule.remediationMinutes() + "min").as(rule.key()).isEqualTo(expected.debtRemediationFunction().baseEffort());
      }
    }
  }

  @Test
  void default_profile_is_the_built_in_profile() {
    Set<String> profile = BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(BackendReviewRulesDefinition.PROFILE_PATH);
    assertThat(catalog.defaultProfileKeys()).isEqualTo(profile);
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
