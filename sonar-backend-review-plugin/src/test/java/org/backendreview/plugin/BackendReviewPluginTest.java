/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import org.junit.jupiter.api.Test;
import org.sonar.api.Plugin;
import org.sonar.api.SonarRuntime;
import org.sonar.api.internal.PluginContextImpl;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition;
import org.sonar.api.server.rule.RulesDefinition;
import org.sonar.api.server.rule.RulesDefinition.Rule;
import org.sonar.api.utils.Version;
import org.sonar.plugins.python.api.PythonCustomRuleRepository;

import static org.assertj.core.api.Assertions.assertThat;

class BackendReviewPluginTest {

  @Test
  void registers_the_repository_and_the_profile_only() {
    Plugin.Context context = new PluginContextImpl.Builder().setSonarRuntime(TestRuntime.SERVER).build();
    new BackendReviewPlugin().define(context);
    assertThat(context.getExtensions()).containsExactly(BackendReviewRulesDefinition.class, BackendReviewProfile.class);
  }

  @Test
  void repository_is_a_rules_definition_and_a_python_custom_rule_repository() {
    // RulesDefinition brings @SonarLintSide: without it SonarLint silently runs none of our checks
    assertThat(RulesDefinition.class).isAssignableFrom(BackendReviewRulesDefinition.class);
    assertThat(PythonCustomRuleRepository.class).isAssignableFrom(BackendReviewRulesDefinition.class);
    BackendReviewRulesDefinition definition = new BackendReviewRulesDefinition(TestRuntime.SERVER);
    assertThat(definition.repositoryKey()).isEqualTo("backendreview");
    assertThat(definition.checkClasses()).isEqualTo(RulesList.checks());
  }

  @Test
  void repository_metadata() {
    RulesDefinition.Repository repository = TestRuntime.repository();
    assertThat(repository.name()).isEqualTo("Backend Review");
    assertThat(repository.language()).isEqualTo("py");
    assertThat(repository.isExternal()).isFalse();
    assertThat(repository.rules()).hasSize(RulesList.checks().size());
  }

  @Test
  void rule_metadata_is_loaded_from_json_and_html() {
    Rule rule = TestRuntime.repository().rule("AllowedHostsWildcard");
    assertThat(rule).isNotNull();
    assertThat(rule.name()).isEqualTo("Deployable Django settings should not allow every host in \"ALLOWED_HOSTS\"");
    assertThat(rule.type()).isEqualTo(org.sonar.api.rules.RuleType.VULNERABILITY);
    assertThat(rule.severity()).isEqualTo("MAJOR");
    assertThat(rule.cleanCodeAttribute()).isEqualTo(org.sonar.api.rules.CleanCodeAttribute.COMPLETE);
    assertThat(rule.defaultImpacts()).containsEntry(org.sonar.api.issue.impact.SoftwareQuality.SECURITY, org.sonar.api.issue.impact.Severity.MEDIUM);
    assertThat(rule.securityStandards()).contains("cwe:20", "owaspTop10:a6", "owaspTop10-2021:a5", "owaspTop10-2025:a2");
    assertThat(rule.tags()).contains("django", "owasp-a05", "cwe");
    assertThat(rule.activatedByDefault()).isTrue();
    assertThat(rule.ruleDescriptionSections()).extracting(s -> s.getKey())
      .containsExactly("introduction", "root_cause", "how_to_fix", "resources");
    assertThat(rule.params()).extracting(RulesDefinition.Param::key).containsExactly("nonDeployableSettings");
  }

  @Test
  void works_on_the_oldest_declared_api() {
    // Sonar-Version in the manifest is 9.9: loading must not fail there (impacts are ignored below 10.1)
    SonarRuntime old = org.sonar.api.internal.SonarRuntimeImpl.forSonarLint(Version.create(9, 9));
    RulesDefinition.Context context = new org.sonar.api.impl.server.RulesDefinitionContext();
    new BackendReviewRulesDefinition(old).define(context);
    assertThat(context.repository("backendreview").rules()).hasSize(RulesList.checks().size());
  }

  @Test
  void profile_is_built_in_for_python() {
    BuiltInQualityProfilesDefinition.Context context = new BuiltInQualityProfilesDefinition.Context();
    new BackendReviewProfile().define(context);
    BuiltInQualityProfilesDefinition.BuiltInQualityProfile profile = context.profile("py", "Backend Review way");
    assertThat(profile).isNotNull();
    assertThat(profile.isDefault()).isFalse();
  }
}
