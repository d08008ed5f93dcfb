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
import org.backendreview.its.server.SonarQubeExtension;
import org.backendreview.its.server.SonarQubeServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sonarsource.sonarlint.core.rpc.protocol.client.issue.RaisedIssueDto;
import org.sonarsource.sonarlint.core.test.utils.SonarLintBackendFixture.FakeSonarLintRpcClient;
import org.sonarsource.sonarlint.core.test.utils.junit5.SonarLintTestHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sonarsource.sonarlint.core.rpc.protocol.backend.initialize.BackendCapability.FULL_SYNCHRONIZATION;
import static org.sonarsource.sonarlint.core.rpc.protocol.backend.initialize.BackendCapability.PROJECT_SYNCHRONIZATION;

/**
 * SonarLint connected mode against the real SonarQube of the server ITs (same run): what the server says in
 * api/plugins/installed (our manifest's SonarLint-Supported), its bundled python plugin, and a quality profile edited
 * through the Web API (every rule of ours but one).
 */
@Tag("server")
@ExtendWith(SonarQubeExtension.class)
class RealServerConnectedModeIT {

  static final String PROJECT = "django-shop";
  static final String PROJECT_KEY = "its-sonarlint-django-shop";
  static final String PROFILE = "Backend Review ITs - SonarLint";

  @RegisterExtension
  static final SonarLintTestHarness harness = new SonarLintTestHarness();

  private static Map<String, List<RaisedIssueDto>> raised;
  private static FakeSonarLintRpcClient client;

  @BeforeAll
  static void analyse(SonarQubeServer server) {
    String profileKey = server.post("api/qualityprofiles/create", "language", "py", "name", PROFILE).getAsJsonObject("profile").get("key").getAsString();
    server.post("api/qualityprofiles/activate_rules", "targetKey", profileKey, "repositories", PluginMetadata.REPOSITORY);
    server.post("api/qualityprofiles/deactivate_rule", "key", profileKey, "rule", PluginMetadata.REPOSITORY + ":" + SonarLintConnectedModeIT.DEACTIVATED);
    server.post("api/projects/create", "project", PROJECT_KEY, "name", PROJECT_KEY);
    server.post("api/qualityprofiles/add_project", "language", "py", "qualityProfile", PROFILE, "project", PROJECT_KEY);

    SonarLintProject.Connected connected = new SonarLintProject(Its.project(PROJECT), "real-server-scope")
      .connectAndAnalyze(harness, "real", server.adminToken(), PROJECT_KEY, b -> b.withSonarQubeConnection("real", server.url()),
        FULL_SYNCHRONIZATION, PROJECT_SYNCHRONIZATION);
    client = connected.client();
    raised = connected.raised();
  }

  @Test
  void downloads_our_plugin_because_the_server_says_it_supports_sonarlint() {
    assertThat(client.getLogMessages())
      .anyMatch(l -> l.contains("[SYNC] Downloading plugin") && l.contains("sonar-backend-review-plugin"))
      .anyMatch(l -> l.contains("Backend Review") && l.contains("(backendreview)"));
  }

  @Test
  void raises_the_server_issues_for_the_rules_of_the_server_profile() {
    Set<Issue> expected = SonarLintProject.withoutHotspots(ExpectedIssues.filter(ExpectedIssues.read(ExpectedIssues.fileOf(PROJECT)),
      i -> !i.rule().equals(SonarLintConnectedModeIT.DEACTIVATED)));
    Set<Issue> actual = SonarLintProject.ours(raised);
    assertThat(ExpectedIssues.diff(expected, actual)).as("SonarLint (real server) vs %s", ExpectedIssues.fileOf(PROJECT)).isEmpty();
    assertThat(raised.values()).allSatisfy(issues -> assertThat(issues)
      .noneMatch(i -> i.getRuleKey().equals(PluginMetadata.REPOSITORY + ":" + SonarLintConnectedModeIT.DEACTIVATED)));
  }

  @Test
  void quick_fixes_reach_the_client() {
    QuickFixes.assertOffered(raised);
  }
}
