/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.backendreview.plugin.BackendReviewProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One mistake, one finding: with the whole "Backend Review way" profile, no SonarPython rule and rule of ours report
 * the same line of the sample projects (the CLI's sample project and its/projects), except the pairs below that
 * report different mistakes which happen to start on the same line. A new pair fails this test: when ours supersedes
 * theirs, add it to {@link BackendReviewProfile#SUPERSEDED} and docs/profile.md; otherwise add it here with the reason.
 */
class ProfileOverlapTest {

  /** Same line, different mistakes (both stay in the profile). */
  private static final Map<String, String> DIFFERENT_MISTAKES = Map.of(
    "python:S8410 backendreview:ResponseModelMissing",
    "S8410 asks for Annotated[..., Depends()] in a parameter; ResponseModelMissing for the route's response contract");

  @Test
  void no_same_line_pair_of_the_two_repositories() {
    Set<String> pairs = new TreeSet<>();
    List<String> where = new ArrayList<>();
    for (Path root : List.of(SampleProject.DIR, Path.of("../its/projects").toAbsolutePath().normalize())) {
      List<Finding> findings = Scanner.findings(ScanConfig.builder(root).baseDir(root).testPattern("no-test-files/**").respectGitignore(false).build());
      Map<String, List<Finding>> byLine = new LinkedHashMap<>();
      findings.stream().filter(f -> f.line() > 0).forEach(f -> byLine.computeIfAbsent(f.file() + ":" + f.line(), k -> new ArrayList<>()).add(f));
      byLine.forEach((line, onLine) -> {
        for (Finding theirs : onLine) {
          for (Finding ours : onLine) {
            if (!theirs.rule().isOurs() && ours.rule().isOurs()) {
              String pair = theirs.qualifiedRuleKey() + " " + ours.qualifiedRuleKey();
              pairs.add(pair);
              where.add(pair + " at " + line);
            }
          }
        }
      });
    }
    assertThat(pairs)
      .as("same-line pairs (%s): when ours supersedes theirs, add theirs to BackendReviewProfile.SUPERSEDED and docs/profile.md", where)
      .isSubsetOf(DIFFERENT_MISTAKES.keySet());
    assertThat(BackendReviewProfile.SUPERSEDED).containsKey("S2077");
  }
}
