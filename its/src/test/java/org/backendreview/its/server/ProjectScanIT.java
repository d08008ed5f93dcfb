/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.google.gson.JsonObject;
import com.sonar.orchestrator.build.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.backendreview.its.common.ExpectedIssues;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.Its;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backendreview.its.server.WebApi.objects;

/**
 * Scans the sample projects of its/projects/ with the scanner CLI and every rule of ours active: the server shows
 * exactly the issues of its/expected-issues/&lt;project&gt;.txt (rule, file, line, message), and the default quality
 * gate fails on them.
 * <p>
 * The default gate ("Sonar way") judges new code only, and the first analysis of a project has none. So each project
 * is analysed twice, like a team adopting the plugin: a first analysis with every file excluded sets the baseline, the
 * second analyses the code, all of which is then new.
 */
@Tag("server")
@ExtendWith(SonarQubeExtension.class)
class ProjectScanIT {

  /** Every sample project of its/projects/ but the robustness one (RobustnessIT): add a directory, it is scanned. */
  static List<String> projects() throws IOException {
    try (Stream<Path> dirs = Files.list(Its.projectsDir())) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(n -> !n.equals(RobustnessIT.PROJECT)).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("projects")
  void raises_the_expected_issues_and_fails_the_default_quality_gate(String project, SonarQubeServer server) {
    String key = "its-" + project;
    Path dir = Its.project(project);
    WebApi.allRulesProfile(server);
    WebApi.provision(server, key, WebApi.ALL_RULES_PROFILE);

    BuildResult baseline = server.scan(dir, key, Map.of("sonar.exclusions", "**/*"));
    assertThat(baseline.isSuccess()).as("baseline analysis:\n%s", baseline.getLogs()).isTrue();
    BuildResult analysis = server.scan(dir, key, Map.of());
    assertThat(analysis.isSuccess()).as("analysis:\n%s", analysis.getLogs()).isTrue();
    assertThat(analysis.getLogs()).doesNotContain("Unable to analyze file");

    Set<Issue> actual = WebApi.issues(server, key);
    ExpectedIssues.verifyServerScan(project, actual);
    assertThat(actual).as("a sample project that raises nothing proves nothing").isNotEmpty();

    JsonObject gate = server.get("api/qualitygates/get_by_project", "project", key).getAsJsonObject("qualityGate");
    assertThat(gate.get("default").getAsBoolean()).as("the project uses the default gate: %s", gate).isTrue();
    JsonObject status = server.get("api/qualitygates/project_status", "projectKey", key).getAsJsonObject("projectStatus");
    assertThat(status.get("status").getAsString()).as("quality gate of %s: %s", key, status).isEqualTo("ERROR");
    assertThat(objects(status.getAsJsonArray("conditions")))
      .filteredOn(c -> c.get("status").getAsString().equals("ERROR"))
      .extracting(c -> c.get("metricKey").getAsString())
      .contains("new_violations");
  }
}
