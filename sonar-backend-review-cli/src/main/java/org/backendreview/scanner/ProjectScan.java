/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.backendreview.scanner.cache.CacheStore;
import org.backendreview.semantics.project.AnalysisCache;
import org.sonar.plugins.python.api.ProjectPythonVersion;
import org.sonar.plugins.python.api.PythonVersionUtils;

/**
 * One scan, in the steps of SonarPython's sensor: find the files ({@link FileCollector}), index them
 * ({@link ProjectIndex}: parse each file and add its module to the project-level symbol table, in parallel), then
 * analyse each file ({@link FileAnalysis}: symbols and types against the project table, then the checks in one shared
 * tree walk, in parallel) and map the issues to findings ({@link FindingMapper}). SonarPython's internals are used
 * through {@link Frontend} only.
 * <p>
 * Like SonarPython, each file is parsed twice, once per step: the index step's tree carries the types inferred for
 * the symbol table and cannot be reused as is, and keeping the parser's output for a second tree was measured not to
 * pay (on Django's 131 kLOC, parsing is 1.5 of 34 CPU-seconds, while keeping the trees costs 1.7 GB and more GC).
 */
final class ProjectScan {

  private final ScanConfig config;
  private final ScanWarnings warnings = new ScanWarnings();
  private final ProjectIndex index;
  private final FileAnalysis analysis;
  private final Frontend frontend;
  private final RuleSelection selection;

  private ProjectScan(ScanConfig config, RuleSelection selection) {
    this.config = config;
    this.selection = selection;
    this.frontend = new Frontend();
    this.index = new ProjectIndex(config, frontend, warnings);
    this.analysis = new FileAnalysis(config, selection, frontend, index, warnings);
  }

  static ScanResult run(ScanConfig config, RuleCatalog catalog) {
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    RuleSelection selection = RuleSelection.of(catalog, config);
    Map<String, Duration> phases = new LinkedHashMap<>();
    synchronized (ProjectPythonVersion.class) {
      Set<PythonVersionUtils.Version> versions = config.pythonVersions().isEmpty()
        ? PythonVersionUtils.allVersions()
        : PythonVersionUtils.fromStringArray(config.pythonVersions().toArray(String[]::new));
      ProjectPythonVersion.setCurrentVersions(versions);
      forgetPreviousScan(versions);
      ProjectScan scan = new ProjectScan(config, selection);
      long phaseStart = System.nanoTime();
      FileCollector.Result collected = FileCollector.collect(config);
      collected.warnings().forEach(scan.warnings::add);
      phases.put("discovery", Duration.ofNanos(System.nanoTime() - phaseStart));
      List<Finding> findings = scan.analyse(collected.files(), phases);
      int analysed = scan.analysis.analysed.get();
      ScanStats stats = new ScanStats(analysed, scan.analysis.testFiles.get(), scan.analysis.lines.get(),
        collected.files().size() - analysed, config.threads(), phases, Duration.ofNanos(System.nanoTime() - start),
        Duration.ofNanos(Math.max(0, processCpuNanos() - cpuStart)), scan.cacheHits, scan.indexCacheHits);
      return new ScanResult(findings, scan.warnings.sorted(), selection.rules(), stats, config.baseDir());
    }
  }

  private List<Finding> analyse(List<SourceFile> files, Map<String, Duration> phases) {
    ProjectIndex.IndexedFile[] indexed = index.prepare(files);
    CacheStore store = openStore();
    if (store != null) {
      index.cache = new IndexCache(store, config, index.packages);
    }
    ExecutorService executor = Executors.newFixedThreadPool(config.threads(), new WorkerThreads());
    try {
      long start = System.nanoTime();
      parallel(executor, "index", files.size(), i -> index.index(indexed[i]));
      indexRegisteringViews(executor, indexed);
      if (index.cache != null) {
        indexCacheHits = index.cache.restored.get();
        index.cache.flush();
      }
      phases.put("index", Duration.ofNanos(System.nanoTime() - start));

      FindingCache cache = store == null ? null : openCache(store, indexed, files);
      analysis.cache = cache;

      start = System.nanoTime();
      List<List<Finding>> results = new ArrayList<>(Collections.nCopies(files.size(), List.of()));
      parallel(executor, "analysis", files.size(), i -> {
        results.set(i, analysis.analyse(indexed[i]));
        indexed[i] = null;
      });
      phases.put("analysis", Duration.ofNanos(System.nanoTime() - start));
      if (cache != null) {
        cacheHits = cache.hits.get();
        cache.close();
      }
      List<Finding> findings = new ArrayList<>();
      results.forEach(findings::addAll);
      findings.sort(Comparator.comparing(Finding::file)
        .thenComparingInt(Finding::line)
        .thenComparingInt(f -> f.primary().column())
        .thenComparing(Finding::ruleKey)
        .thenComparing(Finding::message));
      return List.copyOf(findings);
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * The index step's second wave ({@link ProjectIndex#indexRegisteringViews}): the files that may register Django
   * views, once every other module is in the table (in every scan, with a cache or not, so that both see the same
   * table when these files are indexed).
   */
  private void indexRegisteringViews(ExecutorService executor, ProjectIndex.IndexedFile[] indexed) {
    List<ProjectIndex.IndexedFile> second = new ArrayList<>();
    for (ProjectIndex.IndexedFile item : indexed) {
      if (item.registersViews) {
        second.add(item);
      }
    }
    String tableShape = "";
    String registeringFiles = "";
    if (index.cache != null) {
      if (frontend.hasDjangoViews()) {
        index.cache.dropFirstWave();
      }
      tableShape = java.util.HexFormat.of().formatHex(frontend.symbolTableShape());
      List<String> parts = new ArrayList<>();
      for (ProjectIndex.IndexedFile item : second) {
        parts.add(item.file.relativePath() + " " + item.packageName + " " + item.contentDigest());
      }
      registeringFiles = CacheStore.sha256Hex(parts);
    }
    String shape = tableShape;
    String files = registeringFiles;
    parallel(executor, "index (URL configurations)", second.size(), i -> index.indexRegisteringViews(second.get(i), shape, files));
  }

  /** Files whose findings came from the cache (for the statistics). */
  private int cacheHits;

  /** Files whose module the index step restored from the cache (for the statistics). */
  private int indexCacheHits;

  /** The cache directory of this scan, or null. */
  private CacheStore openStore() {
    if (config.cacheDir() == null) {
      return null;
    }
    String where = config.cacheDir().toString();
    return CacheStore.open(config.cacheDir(), CacheStore.DEFAULT_MAX_BYTES, message -> warnings.add(new AnalysisWarning(where, message)))
      .orElse(null);
  }

  /** The findings cache of this scan (its key needs the project symbol table: after the index step). */
  private FindingCache openCache(CacheStore store, ProjectIndex.IndexedFile[] indexed, List<SourceFile> files) {
    List<String> scanned = new ArrayList<>();
    for (ProjectIndex.IndexedFile item : indexed) {
      scanned.add(item.file.relativePath() + " " + item.packageName + " " + (item.content != null));
    }
    String key = FindingCache.scanKey(config, selection.rules(), config.params(), frontend.symbolTableDigest(), scanned,
      FindingCache.directoriesOf(files));
    return new FindingCache(store, key, selection.rules());
  }

  private void parallel(ExecutorService executor, String phase, int count, IntConsumer task) {
    config.listener().phaseStarted(phase, count);
    List<Future<?>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int item = i;
      futures.add(executor.submit(() -> {
        try {
          task.accept(item);
        } finally {
          config.listener().fileDone(phase);
        }
      }));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Scan interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Internal error of the scanner", e.getCause());
      }
    }
    config.listener().phaseFinished(phase);
  }

  private static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** The Python versions of the previous scan in this JVM (guarded by the lock on ProjectPythonVersion). */
  private static Set<PythonVersionUtils.Version> previousVersions;

  /**
   * A JVM that scans more than once (the resident daemon, tests, the Java API) must answer each scan as a fresh JVM
   * would: the plugin's per-project caches of files read from disk are emptied, and the frontend's typeshed symbols,
   * which it keeps for the Python versions of the first scan, are reloaded when the versions change.
   */
  private static void forgetPreviousScan(Set<PythonVersionUtils.Version> versions) {
    AnalysisCache.clearProjectCaches();
    if (previousVersions != null && !previousVersions.equals(versions)) {
      Frontend.reloadTypeshedSymbols();
    }
    previousVersions = Set.copyOf(versions);
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      // deep syntax trees recurse deeply: give workers a large stack
      Thread thread = new Thread(null, runnable, "backend-review-" + count.incrementAndGet(), 64L * 1024 * 1024);
      thread.setDaemon(true);
      return thread;
    }
  }
}
