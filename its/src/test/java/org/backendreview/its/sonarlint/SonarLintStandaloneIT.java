/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.sonarlint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backendreview.its.common.ExpectedIssues;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.PluginMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sonarsource.sonarlint.core.rpc.protocol.client.issue.RaisedIssueDto;
import org.sonarsource.sonarlint.core.rpc.protocol.common.Language;
import org.sonarsource.sonarlint.core.test.utils.SonarLintBackendFixture;
import org.sonarsource.sonarlint.core.test.utils.SonarLintTestRpcServer;
import org.sonarsource.sonarlint.core.test.utils.junit5.SonarLintTestHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test without a server: both jars embedded as the IDE would embed them, our rules switched on in the standalone
 * rule configuration. Our RulesDefinition and checks load inside SonarLint and raise what the server raises.
 */
@Tag("sonarlint")
class SonarLintStandaloneIT {

  @RegisterExtension
  static final SonarLintTestHarness harness = new SonarLintTestHarness();

  @Test
  void raises_our_issues_in_standalone_mode() {
    PluginMetadata plugin = PluginMetadata.of(Its.pluginJar());
    SonarLintProject project = new SonarLintProject(Its.project("fastapi-service"), "fastapi-scope");
    SonarLintBackendFixture.FakeSonarLintRpcClient client = harness.newFakeClient()
      .withInitialFs(project.scope(), project.baseDir(), project.clientFiles()).build();
    var builder = harness.newBackend()
      .withStandaloneEmbeddedPlugin(Its.pythonPluginJar())
      .withStandaloneEmbeddedPlugin(Its.pluginJar())
      .withEnabledLanguageInStandaloneMode(Language.PYTHON)
      .withUnboundConfigScope(project.scope());
    for (String key : plugin.rules().keySet()) {
      builder = builder.withStandaloneRuleConfig(PluginMetadata.REPOSITORY + ":" + key, true, Map.of());
    }
    SonarLintTestRpcServer backend = builder.start(client);

    Map<String, List<RaisedIssueDto>> raised = project.analyzeAll(backend, client);

    Set<Issue> expected = SonarLintProject.withoutHotspots(ExpectedIssues.read(ExpectedIssues.fileOf("fastapi-service")));
    Set<Issue> actual = SonarLintProject.ours(raised);
    assertThat(ExpectedIssues.diff(expected, actual)).as("SonarLint standalone vs %s", ExpectedIssues.fileOf("fastapi-service")).isEmpty();
    assertThat(actual).isNotEmpty();
  }
}
