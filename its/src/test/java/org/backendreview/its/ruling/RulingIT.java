/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.ruling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.Timings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruling: every rule, through the standalone scanner, on real third-party Django, DRF, FastAPI, Starlette and Celery
 * code from Debian's packages (fetched at test time, never committed). The findings per project are committed as
 * readable snapshots in its/ruling/; any change of findings fails with the difference, and
 * {@code mvn -B verify -Pits-ruling -Dits.update=true} rewrites the snapshots for review in the diff. A check that
 * throws (an analysis error) fails the test even then.
 */
@Tag("ruling")
class RulingIT {

  /** Debian 12 packages: the issue's eight Django/FastAPI code bases plus allauth (Django) and Celery (messaging). */
  static final List<String> PACKAGES = List.of(
    "python3-django",
    "python3-djangorestframework",
    "python3-fastapi",
    "python3-starlette",
    "lava-server",
    "graphite-web",
    "python3-django-hyperkitty",
    "python3-django-postorius",
    "python3-django-allauth",
    "python3-celery");

  /** Shortened in snapshots: every package installs its modules there. */
  private static final String DIST_PACKAGES = "usr/lib/python3/dist-packages/";

  static Stream<String> packages() {
    return PACKAGES.stream();
  }

  @ParameterizedTest
  @MethodSource("packages")
  void findings_match_the_snapshot(String name) throws IOException {
    Path cache = Its.targetDir().resolve("ruling");
    long start = System.nanoTime();
    DebianPackage pkg = DebianPackage.fetch(name, cache);
    Timings.record("ruling: fetch " + name, System.nanoTime() - start);

    start = System.nanoTime();
    Cli.Result result = Cli.scanAllRules(pkg.root(), List.of("--no-gitignore"), pkg.root());
    long scan = System.nanoTime() - start;
    Timings.record(String.format("ruling: scan %s (%d files, %d lines)", name, result.files(), result.lines()), scan);
    assertThat(result.analysisErrors()).as("analysis errors on " + name + ": a check or the frontend failed").isEmpty();

    String actual = snapshot(pkg, result);
    Path expectedFile = Its.projectsDir().getParent().resolve("ruling").resolve(name + ".txt");
    Path actualFile = cache.resolve("actual").resolve(name + ".txt");
    Files.createDirectories(actualFile.getParent());
    Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
    if (Its.update()) {
      Files.createDirectories(expectedFile.getParent());
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(expectedFile)).as(expectedFile + " exists (create it with -Dits.update=true, docs/its.md)").isTrue();
    String diff = diff(content(Files.readAllLines(expectedFile, StandardCharsets.UTF_8)), content(actual.lines().toList()));
    if (!diff.isEmpty()) {
      throw new AssertionError("Findings on " + name + " differ from " + expectedFile + " (full actual: " + actualFile
        + "; if the change is intended, run mvn -B verify -Pits-ruling -Dits.update=true and review the diff, see docs/its.md):\n" + diff);
    }
  }

  /**
   * The snapshot: a header of comments (not compared), the package version (compared: a new Debian upload shows up),
   * one line per finding "file:line  rule  message" sorted, then the analysis warnings (files skipped as unparsable).
   */
  static String snapshot(DebianPackage pkg, Cli.Result result) {
    Map<String, Integer> byRule = new TreeMap<>();
    result.issues().forEach(i -> byRule.merge(i.rule(), 1, Integer::sum));
    StringBuilder out = new StringBuilder()
      .append("# Ruling: findings of every backendreview rule on the Debian package ").append(pkg.name())
      .append(", by the standalone scanner (its/ruling, docs/its.md).\n")
      .append("# Paths are relative to the unpacked package, with \"").append(DIST_PACKAGES).append("\" left out.\n")
      .append("# Regenerate with  mvn -B verify -Pits-ruling -Dits.update=true  and review the diff; do not edit by hand.\n")
      .append("# ").append(result.files()).append(" files, ").append(result.lines()).append(" lines, ").append(result.issues().size())
      .append(" findings").append(byRule.isEmpty() ? "" : ": ").append(String.join(", ", byRule.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()))
      .append('\n')
      .append("package ").append(pkg.name()).append(' ').append(pkg.version()).append('\n');
    result.issues().stream()
      .map(i -> new Issue(shorten(i.file()), i.line(), i.rule(), i.message()))
      .sorted()
      .forEach(i -> out.append(i.file()).append(':').append(i.line()).append("  ").append(i.rule()).append("  ").append(i.message()).append('\n'));
    result.warnings().stream().sorted().forEach(w -> out.append("warning ").append(shorten(w)).append('\n'));
    return out.toString();
  }

  private static String shorten(String path) {
    return path.startsWith(DIST_PACKAGES) ? path.substring(DIST_PACKAGES.length()) : path;
  }

  private static List<String> content(List<String> lines) {
    return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
  }

  /** Lines only in the snapshot ("- missing") and only in this run ("+ new"), at most 100 of each shown. */
  static String diff(List<String> expected, List<String> actual) {
    List<String> missing = new ArrayList<>(expected);
    actual.forEach(missing::remove);
    List<String> added = new ArrayList<>(actual);
    expected.forEach(added::remove);
    StringBuilder out = new StringBuilder();
    missing.stream().limit(100).forEach(l -> out.append("- missing: ").append(l).append('\n'));
    if (missing.size() > 100) {
      out.append("  ... ").append(missing.size() - 100).append(" more missing\n");
    }
    added.stream().limit(100).forEach(l -> out.append("+ new:     ").append(l).append('\n'));
    if (added.size() > 100) {
      out.append("  ... ").append(added.size() - 100).append(" more new\n");
    }
    return out.toString();
  }
}
