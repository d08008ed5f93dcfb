/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;
import org.backendreview.semantics.project.FileReads;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.PythonVisitorContext;
import org.sonar.plugins.python.api.nosonar.NoSonarInfoParser;
import org.sonar.plugins.python.api.tree.FileInput;

/**
 * The analysis step of one file: parse it again, symbols and types against the project tables, the checks in one
 * shared tree walk (each worker thread has its own check instances: they are not thread-safe), then the findings
 * without those of a failed check or under {@code # NOSONAR}. A check that throws loses only its own findings here.
 */
final class FileAnalysis {

  private final Frontend frontend;
  private final RuleSelection selection;
  private final IgnoreRules testPatterns;
  private final FindingMapper mapper;
  private final ScanWarnings warnings;
  private final ProjectIndex index;
  private final ThreadLocal<Checks> checks;
  final AtomicInteger testFiles = new AtomicInteger();
  final AtomicLong lines = new AtomicLong();
  final AtomicInteger analysed = new AtomicInteger();

  FileAnalysis(ScanConfig config, RuleSelection selection, Frontend frontend, ProjectIndex index, ScanWarnings warnings) {
    this.frontend = frontend;
    this.selection = selection;
    this.index = index;
    this.warnings = warnings;
    this.testPatterns = IgnoreRules.parse(config.testPatterns());
    this.mapper = new FindingMapper(config.baseDir());
    this.checks = ThreadLocal.withInitial(Checks::new);
  }

  /** Set before the analysis step when the scan has a cache. */
  @Nullable
  FindingCache cache;

  List<Finding> analyse(ProjectIndex.IndexedFile item) {
    if (item.content == null) {
      return List.of();
    }
    if (cache == null) {
      return analyseNow(item).findings();
    }
    Optional<FindingCache.Entry> cached = cache.lookup(item);
    if (cached.isPresent()) {
      FindingCache.Entry entry = cached.get();
      count(entry.test(), entry.lines());
      return entry.findings();
    }
    FileReads.Recording reads = FileReads.start();
    FindingCache.Entry outcome;
    try {
      outcome = analyseNow(item);
    } finally {
      FileReads.stop();
    }
    if (outcome != INCOMPLETE && !warnings.warned(item.file)) {
      cache.store(item, outcome, reads);
    }
    return outcome.findings();
  }

  private static final FindingCache.Entry INCOMPLETE = new FindingCache.Entry(false, 0, List.of());

  private void count(boolean test, long fileLines) {
    analysed.incrementAndGet();
    lines.addAndGet(fileLines);
    if (test) {
      testFiles.incrementAndGet();
    }
  }

  /** Analyses the file; {@link #INCOMPLETE} when it could not be (a warning says why). */
  private FindingCache.Entry analyseNow(ProjectIndex.IndexedFile item) {
    SourceFile file = item.file;
    LocalPythonFile pythonFile = new LocalPythonFile(file, item.content);
    FileInput tree;
    try {
      tree = item.notebook != null ? frontend.parse(item.notebook) : frontend.parse(item.content);
    } catch (Frontend.SyntaxError e) {
      index.warnParseError(item, e);
      return INCOMPLETE;
    } catch (RuntimeException | StackOverflowError e) {
      warnings.warn(file, "cannot be parsed, skipped (" + ScanWarnings.describe(e) + ")");
      return INCOMPLETE;
    }
    // the test-file heuristic reads the tree only (names, imports), not its symbols
    boolean test = isTestFile(file, pythonFile, tree);
    Checks worker = checks.get();
    if (test && !worker.anyRunsOnTests) {
      // no active rule runs on test files: their semantic model would be built for nothing
      long fileLines = SourceText.lines(item.content).length;
      count(true, fileLines);
      return new FindingCache.Entry(true, fileLines, List.of());
    }
    PythonVisitorContext context;
    try {
      context = frontend.context(tree, pythonFile, file.notebook() ? "" : item.packageName);
    } catch (RuntimeException | StackOverflowError e) {
      warnings.warn(file, "semantic analysis failed, not analysed (" + ScanWarnings.describe(e) + ")");
      return INCOMPLETE;
    }
    long fileLines = SourceText.lines(item.content).length;
    count(test, fileLines);
    List<PythonSubscriptionCheck> subscriptionChecks = new ArrayList<>();
    Map<PythonCheck, Throwable> failures = new IdentityHashMap<>();
    for (PythonCheck check : worker.checks) {
      if (test && check.scope() != PythonCheck.CheckScope.ALL) {
        // SonarPython runs checks whose scope is not ALL on main files only
        continue;
      }
      if (check instanceof PythonSubscriptionCheck subscriptionCheck) {
        subscriptionChecks.add(subscriptionCheck);
      } else {
        try {
          check.scanFile(context);
        } catch (RuntimeException | StackOverflowError e) {
          failures.put(check, e);
        }
      }
    }
    try {
      Frontend.walk(subscriptionChecks, context);
    } catch (RuntimeException | StackOverflowError e) {
      warnings.warn(file, "rules failed on this file, its issues are lost (" + ScanWarnings.describe(e) + ")");
      return INCOMPLETE;
    }
    for (PythonSubscriptionCheck check : subscriptionChecks) {
      if (check instanceof GuardedCheck guarded && guarded.failure() != null) {
        failures.put(check, guarded.failure());
      }
    }
    failures.forEach((check, e) -> warnings.warn(file, "rule " + worker.rules.get(check).qualifiedKey() + " failed on this file, its issues here are dropped ("
      + ScanWarnings.describe(e) + ")"));
    NoSonarLines noSonar = NoSonarLines.of(tree, worker.noSonarParser);
    List<Finding> findings = new ArrayList<>();
    for (PreciseIssue issue : context.getIssues()) {
      RuleInfo rule = worker.rules.get(issue.check());
      if (rule == null || failures.containsKey(issue.check())) {
        continue;
      }
      IssueLocation primary = issue.primaryLocation();
      if (primary.startLine() != IssueLocation.UNDEFINED_LINE && noSonar.suppresses(rule, primary.startLine())) {
        continue;
      }
      findings.add(mapper.finding(rule, issue, file));
    }
    return new FindingCache.Entry(test, fileLines, FindingMapper.fingerprint(findings, item.content));
  }

  private boolean isTestFile(SourceFile file, LocalPythonFile pythonFile, FileInput tree) {
    if (!testPatterns.isEmpty()) {
      return testPatterns.ignores(file.relativePath(), false);
    }
    return frontend.looksLikeTestFile(pythonFile, tree);
  }

  /** Per-thread check instances (checks are not thread-safe) and their rules. */
  private final class Checks {
    final NoSonarInfoParser noSonarParser = new NoSonarInfoParser();
    final List<PythonCheck> checks = new ArrayList<>();
    final Map<PythonCheck, RuleInfo> rules = new IdentityHashMap<>();
    /** Whether a check runs on test files (SonarPython runs only those of scope ALL there). */
    final boolean anyRunsOnTests;

    Checks() {
      for (RuleInfo rule : selection.rules()) {
        PythonCheck check = selection.newCheck(rule);
        if (check instanceof PythonSubscriptionCheck subscriptionCheck) {
          check = new GuardedCheck(subscriptionCheck, rule);
        }
        checks.add(check);
        rules.put(check, rule);
      }
      anyRunsOnTests = checks.stream().anyMatch(check -> check.scope() == PythonCheck.CheckScope.ALL);
    }
  }
}
