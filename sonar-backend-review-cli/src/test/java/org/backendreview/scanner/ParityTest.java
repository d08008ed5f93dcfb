/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backendreview.plugin.RulesList;
import org.backendreview.testing.PythonProject;
import org.junit.jupiter.api.Test;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.PythonVisitorContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scanner reports what the plugin's checks raise through the plugin's own test path ({@code PythonProject}, the
 * engine of {@code CheckVerifier}: project symbol table, one context per file, one shared walk), with every rule:
 * same rules (ours and SonarPython's), files, locations, messages and secondary locations. The scanner's filters
 * (NOSONAR, test files) are the only difference, and are applied to the plugin side for the comparison.
 */
class ParityTest {

  /** A test-file pattern matching nothing: every file is main code, as in the plugin's test path. */
  private static final String NO_TEST_FILES = "no-such-directory/**";

  @Test
  void sample_project_all_rules() throws IOException {
    assertThat(assertParity(SampleProject.DIR)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void sample_project_with_the_test_file_heuristic() throws IOException {
    // our rules (MAIN scope: nothing on the test file); SonarPython's ALL-scoped test rules would report there
    List<String> plugin = pluginIssues(SampleProject.DIR, false).stream().filter(i -> !i.startsWith("shop/tests.py")).toList();
    ScanResult result = Scanner.scan(ScanConfig.builder(SampleProject.DIR).baseDir(SampleProject.DIR).rules(java.util.Set.of("backendreview:*")).build());
    assertThat(result.stats().testFiles()).isEqualTo(1);
    assertThat(scannerIssues(result.findings())).containsExactlyInAnyOrderElementsOf(plugin);
  }

  /** Developer check on a real project: {@code mvn -pl sonar-backend-review-cli -am test -Dtest=ParityTest -Dparity.dir=/path}. */
  @Test
  void real_project() throws IOException {
    String dir = System.getProperty("parity.dir", "");
    assumeTrue(!dir.isBlank(), "no -Dparity.dir");
    assertParity(Path.of(dir).toAbsolutePath());
  }

  private static List<String> assertParity(Path root) throws IOException {
    List<String> plugin = pluginIssues(root, true);
    List<Finding> findings = Scanner.findings(ScanConfig.builder(root).baseDir(root).allRules(true).testPattern(NO_TEST_FILES)
      .defaultExcludes(false).respectGitignore(false).build());
    assertThat(scannerIssues(findings)).containsExactlyInAnyOrderElementsOf(plugin);
    return plugin;
  }

  private static List<String> scannerIssues(List<Finding> findings) {
    List<String> issues = new ArrayList<>();
    for (Finding finding : findings) {
      StringBuilder issue = new StringBuilder(finding.file()).append(' ').append(finding.ruleKey()).append(' ')
        .append(range(finding.primary().line(), finding.primary().column() - 1, finding.primary().endLine(), finding.primary().endColumn() - 1))
        .append(' ').append(finding.message());
      for (Location secondary : finding.secondaries()) {
        issue.append(" | ").append(range(secondary.line(), secondary.column() - 1, secondary.endLine(), secondary.endColumn() - 1))
          .append(' ').append(secondary.message());
      }
      issues.add(issue.toString());
    }
    return issues;
  }

  /** Issues of every rule through the plugin's test path, minus those on lines with a NOSONAR or bare noqa comment. */
  private static List<String> pluginIssues(Path root, boolean withSonarPython) throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).map(Path::toString).sorted().toList();
    }
    List<PythonCheck> checks = new ArrayList<>();
    List<Class<?>> types = new ArrayList<>(RulesList.checks());
    Frontend.pythonCheckClasses().stream().filter(c -> withSonarPython).filter(c -> !RuleCatalog.PYTHON_TEMPLATES.contains(c.getAnnotation(Rule.class).key())).forEach(types::add);
    for (Class<?> type : types) {
      try {
        checks.add((PythonCheck) type.getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    List<String> issues = new ArrayList<>();
    Map<Path, PythonVisitorContext> contexts;
    try {
      contexts = PythonProject.of(files).scan(checks.toArray(PythonCheck[]::new));
    } catch (RuntimeException e) {
      throw new IllegalStateException("The plugin's test path failed", e);
    }
    for (Map.Entry<Path, PythonVisitorContext> entry : contexts.entrySet()) {
      String relative = root.relativize(entry.getKey()).toString().replace('\\', '/');
      List<String> lines = Files.readAllLines(entry.getKey(), StandardCharsets.UTF_8);
      for (PreciseIssue issue : entry.getValue().getIssues()) {
        IssueLocation primary = issue.primaryLocation();
        int line = primary.startLine();
        String key = issue.check().getClass().getAnnotation(Rule.class).key();
        if (line > 0 && suppressed(lines.get(line - 1), key)) {
          continue;
        }
        StringBuilder text = new StringBuilder(relative).append(' ').append(key).append(' ')
          .append(range(primary)).append(' ').append(primary.message());
        for (IssueLocation secondary : issue.secondaryLocations()) {
          text.append(" | ").append(range(secondary)).append(' ').append(secondary.message() == null ? "" : secondary.message());
        }
        for (PythonCheck.IssueFlow flow : issue.flows()) {
          for (IssueLocation step : flow.locations()) {
            text.append(" | ").append(range(step)).append(' ').append(step.message() == null ? "" : step.message());
          }
        }
        issues.add(text.toString());
      }
    }
    return issues;
  }

  /** A bare NOSONAR or noqa drops every issue of the line, NOSONAR(Key, ...) those rules' issues only. */
  private static boolean suppressed(String line, String key) {
    int comment = line.indexOf('#');
    if (comment < 0) {
      return false;
    }
    String text = line.substring(comment);
    java.util.regex.Matcher keys = java.util.regex.Pattern.compile("#\\s*NOSONAR\\(([^)]*)\\).*").matcher(text);
    if (keys.matches()) {
      return java.util.Arrays.stream(keys.group(1).split(",")).map(String::trim).anyMatch(key::equals);
    }
    return text.matches("#\\s*NOSONAR\\b.*") || text.matches("#\\s*noqa\\s*");
  }

  private static String range(IssueLocation location) {
    if (location.startLine() == IssueLocation.UNDEFINED_LINE) {
      return range(0, -1, 0, -1);
    }
    if (location.startLineOffset() == IssueLocation.UNDEFINED_OFFSET) {
      return range(location.startLine(), -1, location.startLine(), -1);
    }
    return range(location.startLine(), location.startLineOffset(), location.endLine(), location.endLineOffset());
  }

  private static String range(int line, int column, int endLine, int endColumn) {
    return line + ":" + column + "-" + endLine + ":" + endColumn;
  }
}
