/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.testing.PythonProject;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.check.Rule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The taint rules on a labelled suite of small Flask, Django and FastAPI views ({@code checks/security/taintSuite}):
 * a line ending with {@code # fire: Rule} must raise an issue of that rule, one ending with {@code # safe: Rule} must not.
 * Reports recall and false positives per rule, and fails when one regresses below the recorded figures.
 */
class TaintSuiteTest {

  private static final Pattern LABEL = Pattern.compile("#\\s*(fire|safe):\\s*(\\w+)\\s*$");
  private static final List<PythonCheck> CHECKS = List.of(new CodeInjectionCheck(), new OpenRedirectCheck(), new OsCommandInjectionCheck(),
    new PathTraversalCheck(), new ReflectedXssCheck(), new ServerSideRequestForgeryCheck(), new SqlInjectionCheck(), new TemplateInjectionCheck(),
    new UnsafeDeserializationCheck());
  /** Per rule: the labelled lines that must fire and are still missed, and the lines where it raises wrongly (safe or unlabelled). */
  private static final Map<String, int[]> ACCEPTED_MISSES_AND_FALSE_POSITIVES = Map.of();

  @Test
  void recall_and_false_positives_per_rule() throws IOException {
    List<String> files = Samples.project("security/taintSuite");
    Map<String, Set<String>> mustFire = new TreeMap<>();
    Map<String, Set<String>> mustNotFire = new TreeMap<>();
    for (String file : files) {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (int i = 0; i < lines.size(); i++) {
        Matcher label = LABEL.matcher(lines.get(i));
        if (label.find()) {
          String location = Path.of(file).getFileName() + ":" + (i + 1);
          (label.group(1).equals("fire") ? mustFire : mustNotFire).computeIfAbsent(label.group(2), k -> new TreeSet<>()).add(location);
        }
      }
    }
    Map<String, Set<String>> raisedByRule = new TreeMap<>();
    PythonProject.of(files).scan(CHECKS.toArray(PythonCheck[]::new)).forEach((path, context) -> context.getIssues().forEach(issue ->
      raisedByRule.computeIfAbsent(issue.check().getClass().getAnnotation(Rule.class).key(), k -> new TreeSet<>())
        .add(path.getFileName() + ":" + issue.primaryLocation().startLine())));
    Map<String, String> report = new LinkedHashMap<>();
    List<String> regressions = new ArrayList<>();
    for (PythonCheck check : CHECKS) {
      String rule = check.getClass().getAnnotation(Rule.class).key();
      Set<String> raised = raisedByRule.getOrDefault(rule, Set.of());
      Set<String> expected = mustFire.getOrDefault(rule, Set.of());
      List<String> missed = expected.stream().filter(l -> !raised.contains(l)).toList();
      List<String> wrong = raised.stream().filter(l -> !expected.contains(l)).toList();
      long labelledSafe = mustNotFire.getOrDefault(rule, Set.of()).size();
      report.put(rule, String.format("must fire %d, found %d (recall %d %%); must not fire %d, raised on %d: missed %s, false positives %s",
        expected.size(), expected.size() - missed.size(), expected.isEmpty() ? 100 : 100 * (expected.size() - missed.size()) / expected.size(),
        labelledSafe, wrong.size(), missed, wrong));
      int[] accepted = ACCEPTED_MISSES_AND_FALSE_POSITIVES.getOrDefault(rule, new int[] {0, 0});
      if (missed.size() > accepted[0] || wrong.size() > accepted[1]) {
        regressions.add(rule + ": " + report.get(rule));
      }
    }
    report.forEach((rule, line) -> System.out.println("[taint suite] " + rule + ": " + line));
    assertThat(regressions).isEmpty();
  }
}
