/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.sonarlint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backendreview.its.common.ExpectedIssues;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.PluginMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sonarsource.sonarlint.core.rpc.protocol.client.issue.RaisedIssueDto;
import org.sonarsource.sonarlint.core.rpc.protocol.common.IssueSeverity;
import org.sonarsource.sonarlint.core.test.utils.SonarLintBackendFixture.FakeSonarLintRpcClient;
import org.sonarsource.sonarlint.core.test.utils.junit5.SonarLintTestHarness;
import org.sonarsource.sonarlint.core.test.utils.server.ServerFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sonarsource.sonarlint.core.rpc.protocol.backend.initialize.BackendCapability.FULL_SYNCHRONIZATION;

/**
 * SonarLint connected mode, with the RPC backend the IDEs use, against sonarlint-core's fake SonarQube 26.9 serving
 * the python plugin and ours: the backend downloads our plugin, loads it next to python, and raises on the Django sample
 * project exactly the issues the real server raises (its/expected-issues/django-shop.txt) for the rules the server's
 * profile activates. One rule is left out of that profile as a negative control.
 */
@Tag("sonarlint")
class SonarLintConnectedModeIT {

  static final String PROJECT = "django-shop";
  /** Deactivated on the server: the sample has its pattern (production settings), SonarLint must stay silent. */
  static final String DEACTIVATED = "AllowedHostsWildcard";

  @RegisterExtension
  static final SonarLintTestHarness harness = new SonarLintTestHarness();

  private static Map<String, List<RaisedIssueDto>> raised;
  private static FakeSonarLintRpcClient client;

  @BeforeAll
  static void analyse() {
    PluginMetadata plugin = PluginMetadata.of(Its.pluginJar());
    Path ourJar = Its.pluginJar();
    Path pythonJar = Its.pythonPluginJar();
    ServerFixture.Server server = harness.newFakeSonarQubeServer("26.9.0.129388")
      .withPlugin("python", p -> p.withJarPath(pythonJar).withHash(SonarLintProject.md5(pythonJar)))
      .withPlugin(PluginMetadata.REPOSITORY, p -> p.withJarPath(ourJar).withHash(SonarLintProject.md5(ourJar)))
      .withQualityProfile("qp-py", qp -> {
        var profile = qp.withLanguage("py").withActiveRule("python:S1481", r -> r.withSeverity(IssueSeverity.MINOR));
        for (String key : plugin.rules().keySet()) {
          if (!key.equals(DEACTIVATED)) {
            profile = profile.withActiveRule(PluginMetadata.REPOSITORY + ":" + key, r -> r.withSeverity(IssueSeverity.MAJOR));
          }
        }
        return profile;
      })
      .withProject(PROJECT, p -> p.withQualityProfile("qp-py").withBranch("main"))
      .start();

    SonarLintProject.Connected connected = new SonarLintProject(Its.project(PROJECT), "django-shop-scope")
      .connectAndAnalyze(harness, "conn", "token", PROJECT, b -> b.withSonarQubeConnection("conn", server), FULL_SYNCHRONIZATION);
    client = connected.client();
    raised = connected.raised();
  }

  @Test
  void our_plugin_is_downloaded_and_loaded_next_to_python() {
    assertThat(client.getLogMessages())
      .anyMatch(l -> l.contains("[SYNC] Downloading plugin") && l.contains("sonar-backend-review-plugin"))
      .anyMatch(l -> l.contains("Backend Review") && l.contains("(backendreview)"))
      .noneMatch(l -> l.contains("requires plugin API") && l.contains("backendreview"));
  }

  @Test
  void raises_the_issues_the_server_raises_for_the_active_rules() {
    Set<Issue> expected = SonarLintProject.withoutHotspots(ExpectedIssues.filter(ExpectedIssues.read(ExpectedIssues.fileOf(PROJECT)), i -> !i.rule().equals(DEACTIVATED)));
    Set<Issue> actual = SonarLintProject.ours(raised);
    assertThat(ExpectedIssues.diff(expected, actual)).as("SonarLint vs %s", ExpectedIssues.fileOf(PROJECT)).isEmpty();
    assertThat(actual).isNotEmpty();
  }

  @Test
  void a_rule_deactivated_on_the_server_raises_nothing() {
    assertThat(ExpectedIssues.read(ExpectedIssues.fileOf(PROJECT))).as("the sample has the deactivated rule's pattern")
      .anyMatch(i -> i.rule().equals(DEACTIVATED));
    assertThat(raised.values()).allSatisfy(issues -> assertThat(issues)
      .noneMatch(i -> i.getRuleKey().equals(PluginMetadata.REPOSITORY + ":" + DEACTIVATED)));
  }

  @Test
  void quick_fixes_reach_the_client() {
    QuickFixes.assertOffered(raised);
  }
}
