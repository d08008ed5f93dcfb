/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backendreview.flow.TaintEngine;
import org.backendreview.testing.PythonProject;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.PythonVisitorContext;

/** All taint rules of a file share one engine: the file is analysed once for taint, and no rule's findings change. */
class SharedTaintEngineTest {

  private static final Path SAMPLES = Path.of("src/test/resources/checks/security");

  @Test
  void one_engine_per_file_when_every_taint_rule_runs() throws Exception {
    List<String> files = samples();
    List<PythonCheck> checks = taintChecks();
    List<Long> builtAtFileStart = new ArrayList<>();
    PythonSubscriptionCheck counter = new PythonSubscriptionCheck() {
      @Override
      public void initialize(Context context) {
        context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> builtAtFileStart.add(TaintEngine.built()));
      }
    };
    List<PythonCheck> all = new ArrayList<>();
    all.add(counter);
    all.addAll(checks);
    var contexts = PythonProject.of(files).scan(all.toArray(PythonCheck[]::new));
    builtAtFileStart.add(TaintEngine.built());

    assertThat(builtAtFileStart).hasSize(files.size() + 1);
    int index = 0;
    int analysedForTaint = 0;
    for (PythonVisitorContext context : contexts.values()) {
      long built = builtAtFileStart.get(index + 1) - builtAtFileStart.get(index);
      assertThat(built).as("engines built for %s", files.get(index)).isBetween(0L, 1L);
      if (!context.getIssues().isEmpty()) {
        assertThat(built).as("engines built for %s, which has taint issues", files.get(index)).isEqualTo(1L);
        analysedForTaint++;
      }
      index++;
    }
    assertThat(analysedForTaint).isGreaterThanOrEqualTo(12);
  }

  @Test
  void sharing_the_engine_changes_no_finding() throws Exception {
    List<String> files = samples();
    List<PythonCheck> checks = taintChecks();
    List<String> together = issues(PythonProject.of(files).scan(checks.toArray(PythonCheck[]::new)).values());
    List<String> alone = new ArrayList<>();
    for (PythonCheck check : checks) {
      alone.addAll(issues(PythonProject.of(files).scan(check).values()));
    }
    assertThat(together).isNotEmpty().containsExactlyInAnyOrderElementsOf(alone);
  }

  private static List<String> issues(java.util.Collection<PythonVisitorContext> contexts) {
    return contexts.stream().flatMap(c -> c.getIssues().stream()
      .map(i -> (String) (c.pythonFile().fileName() + ":" + i.primaryLocation().startLine() + ":" + i.primaryLocation().message()
        + ":" + i.secondaryLocations().size())))
      .toList();
  }

  private static List<PythonCheck> taintChecks() throws ReflectiveOperationException {
    List<PythonCheck> checks = new ArrayList<>();
    for (Class<?> type : SecurityChecks.CHECKS) {
      if (TaintEngineCheck.class.isAssignableFrom(type)) {
        checks.add((PythonCheck) type.getDeclaredConstructor().newInstance());
      }
    }
    assertThat(checks).hasSize(12);
    return checks;
  }

  private static List<String> samples() throws IOException {
    try (Stream<Path> walk = Files.walk(SAMPLES)) {
      return walk.filter(p -> p.toString().endsWith(".py")).sorted().map(p -> p.toAbsolutePath().toString()).toList();
    }
  }
}
