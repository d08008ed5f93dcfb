/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.ruling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.backendreview.its.common.ExpectedIssues;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.Timings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLI-vs-server parity: the standalone scanner raises on each sample project of its/projects/ exactly the issues the
 * SonarQube server raises (its/expected-issues/, which ProjectScanIT and RobustnessIT check against the real server
 * and which only a server scan writes). Same settings as the server scans: every rule of ours and the SonarPython rules
 * of the built-in profile (the whole "Backend Review way" profile, opt-in rules of ours included), every file main code
 * (no sonar.tests), Python 3.12, no .gitignore filtering.
 */
@Tag("ruling")
class CliParityIT {

  /** A test-file pattern that matches nothing: like a server scan with only sonar.sources. */
  private static final List<String> LIKE_THE_SERVER_SCAN = List.of("--tests", "no-test-files-here/**", "--python-version", "3.12", "--no-gitignore");

  static Stream<String> projects() throws Exception {
    try (Stream<Path> files = Files.list(Its.expectedIssuesDir())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("projects")
  void cli_raises_what_the_server_raises(String project) {
    Path dir = Its.project(project);
    long start = System.nanoTime();
    Cli.Result result = Cli.scanItsProfile(dir, LIKE_THE_SERVER_SCAN, dir);
    Timings.record("CLI parity scan of its/projects/" + project, System.nanoTime() - start);
    assertThat(result.analysisErrors()).as("analysis errors").isEmpty();
    Set<Issue> expected = ExpectedIssues.read(ExpectedIssues.fileOf(project));
    String diff = ExpectedIssues.diff(expected, result.issues());
    assertThat(diff).as("CLI issues of " + project + " versus the server's (" + ExpectedIssues.fileOf(project) + ")").isEmpty();
  }
}
