/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.time.Duration;
import java.util.Map;

/**
 * Figures of a scan.
 *
 * @param files files analysed (parsed, whether or not a rule ran on them)
 * @param testFiles files treated as test files (rules with the default MAIN scope skip them)
 * @param lines physical lines of the analysed files
 * @param skipped files not analysed (see the warnings)
 * @param phases wall-clock time of each phase: discovery, index (parse + project symbol table), analysis (rules)
 * @param total wall-clock time of the whole scan
 * @param cpu CPU time the JVM spent during the scan (all threads; on a shared machine a fairer measure than wall time)
 * @param cachedFiles analysed files whose findings came from the cache
 * @param indexedFromCache files whose module the index step restored from the cache (not parsed there)
 */
public record ScanStats(int files, int testFiles, long lines, int skipped, int threads, Map<String, Duration> phases, Duration total,
  Duration cpu, int cachedFiles, int indexedFromCache) {

  public ScanStats(int files, int testFiles, long lines, int skipped, int threads, Map<String, Duration> phases, Duration total, Duration cpu,
    int cachedFiles) {
    this(files, testFiles, lines, skipped, threads, phases, total, cpu, cachedFiles, 0);
  }

  public ScanStats(int files, int testFiles, long lines, int skipped, int threads, Map<String, Duration> phases, Duration total, Duration cpu) {
    this(files, testFiles, lines, skipped, threads, phases, total, cpu, 0, 0);
  }

  public double filesPerSecond() {
    return perSecond(files);
  }

  public double linesPerSecond() {
    return perSecond(lines);
  }

  /** Lines per CPU-second of the scan. */
  public double linesPerCpuSecond() {
    double seconds = cpu.toNanos() / 1e9;
    return seconds <= 0 ? 0 : lines / seconds;
  }

  private double perSecond(long count) {
    double seconds = total.toNanos() / 1e9;
    return seconds <= 0 ? 0 : count / seconds;
  }
}
