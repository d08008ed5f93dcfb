/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.backendreview.plugin.RulesList;
import org.junit.jupiter.api.Test;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.PythonVisitorContext;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Developer tool, not a regression test: runs checks over a real project to triage their findings before the
 * standalone scanner exists. Skipped unless {@code -Dscan.dir} is given:
 * <pre>
 * mvn -q -pl sonar-backend-review-plugin test -Dtest=RealCodeScanTest -Dscan.dir=/path/to/project [-Dscan.rules=Key1,Key2]
 * </pre>
 * Findings go to {@code target/real-code-scan.txt}, one per line: {@code rule path:line message}, then counts per rule.
 */
class RealCodeScanTest {

  @Test
  void scan() throws Exception {
    String dir = System.getProperty("scan.dir");
    assumeTrue(dir != null && !dir.isBlank(), "no -Dscan.dir");
    Set<String> only = System.getProperty("scan.rules", "").isBlank() ? Set.of() : Set.of(System.getProperty("scan.rules").split(","));
    List<PythonCheck> checks = new ArrayList<>();
    for (Class<?> type : RulesList.checks()) {
      if (only.isEmpty() || only.contains(type.getAnnotation(Rule.class).key())) {
        checks.add((PythonCheck) type.getDeclaredConstructor().newInstance());
      }
    }
    Path root = Path.of(dir).toAbsolutePath();
    List<String> files;
    try (Stream<Path> paths = Files.walk(root)) {
      files = paths.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).map(Path::toString).sorted().toList();
    }
    long start = System.nanoTime();
    List<String> lines = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No .py file under " + dir);
    }
    PythonProject project = PythonProject.of(files);
    for (Path file : project.files().stream().map(java.io.File::toPath).toList()) {
      PythonVisitorContext context;
      try {
        context = project.context(file.toFile());
      } catch (RuntimeException e) {
        lines.add("PARSE-ERROR " + root.relativize(file) + " " + e.getClass().getSimpleName());
        continue;
      }
      List<org.sonar.plugins.python.api.PythonSubscriptionCheck> subscription = new ArrayList<>();
      for (PythonCheck check : checks) {
        check.scanFile(context);
        if (check instanceof org.sonar.plugins.python.api.PythonSubscriptionCheck s) {
          subscription.add(s);
        }
      }
      org.sonar.python.SubscriptionVisitor.analyze(subscription, context);
      for (PreciseIssue issue : context.getIssues()) {
        String key = issue.check().getClass().getAnnotation(Rule.class).key();
        counts.merge(key, 1, Integer::sum);
        lines.add(key + " " + root.relativize(file) + ":" + issue.primaryLocation().startLine() + " " + issue.primaryLocation().message());
      }
    }
    lines.add("");
    lines.add(files.size() + " files in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    counts.forEach((k, v) -> lines.add(k + ": " + v));
    Path out = Path.of("target/real-code-scan.txt");
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.println("Findings written to " + out.toAbsolutePath() + " " + counts);
  }

}
