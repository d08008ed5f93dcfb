/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import com.sonar.sslr.api.AstNode;
import com.sonar.sslr.api.RecognitionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.sonar.api.SonarProduct;
import org.sonar.api.config.Configuration;
import org.sonar.plugins.python.GeneratedIPythonFile;
import org.sonar.plugins.python.IpynbNotebookParser;
import org.sonar.plugins.python.PythonInputFileImpl;
import org.sonar.plugins.python.PythonTestFileClassifier;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.ProjectPythonVersion;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.PythonVersionUtils;
import org.sonar.plugins.python.api.PythonVisitorContext;
import org.sonar.plugins.python.api.nosonar.NoSonarInfoParser;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.python.IPythonLocation;
import org.sonar.python.SubscriptionVisitor;
import org.sonar.python.caching.CacheContextImpl;
import org.sonar.python.parser.PythonParser;
import org.sonar.python.semantic.ProjectLevelSymbolTable;
import org.sonar.python.semantic.v2.typetable.CachedTypeTable;
import org.sonar.python.semantic.v2.typetable.ProjectLevelTypeTable;
import org.sonar.python.semantic.v2.typetable.TypeTable;
import org.sonar.python.tree.IPythonTreeMaker;
import org.sonar.python.tree.PythonTreeMaker;

/**
 * One scan, in the steps of SonarPython's sensor: find the files, index them (parse each file and add its module
 * to the project-level symbol table, in parallel), then analyse each file (symbols and types against the project
 * table, then the checks in one shared tree walk, in parallel, each worker thread with its own check instances).
 * <p>
 * Like SonarPython, each file is parsed twice, once per step: the index step's tree carries the types inferred for
 * the symbol table and cannot be reused as is, and keeping the parser's output for a second tree was measured not to
 * pay (on Django's 131 kLOC, parsing is 1.5 of 34 CPU-seconds, while keeping the trees costs 1.7 GB and more GC).
 */
final class ProjectScan {

  private static final Pattern PYTHON2_HINT = Pattern.compile(
    "(?m)^\\s*(print\\s+[^\\s(=]|exec\\s+[\"'\\w]|except\\s+[\\w.]+\\s*,\\s*\\w+\\s*:|raise\\s+\\w+\\s*,)|\\b0[0-7]+L?\\b|\\d+L\\b|`");
  private static final Configuration NO_CONFIGURATION = new Configuration() {
    @Override
    public Optional<String> get(String key) {
      return Optional.empty();
    }

    @Override
    public boolean hasKey(String key) {
      return false;
    }

    @Override
    public String[] getStringArray(String key) {
      return new String[0];
    }
  };

  private final ScanConfig config;
  private final RuleSelection selection;
  private final List<AnalysisWarning> warnings = Collections.synchronizedList(new ArrayList<>());
  private final ProjectLevelSymbolTable symbols = ProjectLevelSymbolTable.empty();
  private final TypeTable typeTable = new CachedTypeTable(new ProjectLevelTypeTable(symbols));
  private final PythonTestFileClassifier testClassifier = new PythonTestFileClassifier(NO_CONFIGURATION);
  private final IgnoreRules testPatterns;
  private final ThreadLocal<Worker> workers;
  private final AtomicInteger testFiles = new AtomicInteger();
  private final AtomicLong lines = new AtomicLong();
  private final AtomicInteger analysed = new AtomicInteger();

  private ProjectScan(ScanConfig config, RuleSelection selection) {
    this.config = config;
    this.selection = selection;
    this.testPatterns = IgnoreRules.parse(config.testPatterns());
    this.workers = ThreadLocal.withInitial(Worker::new);
  }

  static ScanResult run(ScanConfig config, RuleCatalog catalog) {
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    RuleSelection selection = RuleSelection.of(catalog, config);
    Map<String, Duration> phases = new LinkedHashMap<>();
    synchronized (ProjectPythonVersion.class) {
      ProjectPythonVersion.setCurrentVersions(config.pythonVersions().isEmpty()
        ? PythonVersionUtils.allVersions()
        : PythonVersionUtils.fromStringArray(config.pythonVersions().toArray(String[]::new)));
      ProjectScan scan = new ProjectScan(config, selection);
      long phaseStart = System.nanoTime();
      FileCollector.Result collected = FileCollector.collect(config);
      scan.warnings.addAll(collected.warnings());
      phases.put("discovery", Duration.ofNanos(System.nanoTime() - phaseStart));
      List<Finding> findings = scan.analyse(collected.files(), phases);
      List<AnalysisWarning> warnings = new ArrayList<>(scan.warnings);
      warnings.sort(Comparator.comparing(AnalysisWarning::file));
      ScanStats stats = new ScanStats(scan.analysed.get(), scan.testFiles.get(), scan.lines.get(),
        collected.files().size() - scan.analysed.get(), config.threads(), phases, Duration.ofNanos(System.nanoTime() - start),
        Duration.ofNanos(Math.max(0, processCpuNanos() - cpuStart)));
      return new ScanResult(findings, List.copyOf(warnings), selection.rules(), stats, config.baseDir());
    }
  }

  /** What the index step learnt about a file. */
  private static final class Indexed {
    final SourceFile file;
    String content;
    String packageName = "";
    GeneratedIPythonFile notebook;

    Indexed(SourceFile file) {
      this.file = file;
    }
  }

  private List<Finding> analyse(List<SourceFile> files, Map<String, Duration> phases) {
    PackageRoots roots = PackageRoots.of(config);
    Indexed[] indexed = new Indexed[files.size()];
    for (int i = 0; i < files.size(); i++) {
      indexed[i] = new Indexed(files.get(i));
      indexed[i].packageName = roots.packageName(files.get(i));
      if (!files.get(i).notebook()) {
        symbols.addProjectPackage(indexed[i].packageName);
      }
    }

    ExecutorService executor = Executors.newFixedThreadPool(config.threads(), new WorkerThreads());
    try {
      long start = System.nanoTime();
      parallel(executor, "index", files.size(), i -> index(indexed[i]));
      phases.put("index", Duration.ofNanos(System.nanoTime() - start));

      start = System.nanoTime();
      List<List<Finding>> results = new ArrayList<>(Collections.nCopies(files.size(), List.of()));
      parallel(executor, "analysis", files.size(), i -> {
        results.set(i, analyse(indexed[i]));
        indexed[i] = null;
      });
      phases.put("analysis", Duration.ofNanos(System.nanoTime() - start));
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

  private void parallel(ExecutorService executor, String phase, int count, IntConsumer task) {
    config.listener().phaseStarted(phase, count);
    List<Future<?>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(executor.submit(() -> {
        try {
          task.accept(index);
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

  // ---------------------------------------------------------------------------------------------------------------
  // index step

  private void index(Indexed item) {
    SourceFile file = item.file;
    SourceText text;
    try {
      text = SourceText.read(file.path(), config.maxFileSize());
    } catch (IOException | RuntimeException e) {
      warn(file, "cannot be read, skipped (" + e + ")");
      return;
    }
    if (text.problem() != null) {
      warn(file, text.problem());
    }
    if (text.content() == null) {
      return;
    }
    item.content = text.content();
    Worker worker = workers.get();
    if (file.notebook()) {
      try {
        LocalPythonFile pythonFile = new LocalPythonFile(file, item.content);
        Optional<GeneratedIPythonFile> notebook = IpynbNotebookParser.parseNotebook(new PythonInputFileImpl(pythonFile.asInputFile()));
        if (notebook.isEmpty()) {
          warn(file, "not a Python notebook, skipped");
          item.content = null;
        } else {
          item.notebook = notebook.get();
        }
      } catch (Exception | StackOverflowError e) {
        warn(file, "invalid notebook, skipped (" + describe(e) + ")");
        item.content = null;
      }
      return;
    }
    AstNode ast;
    try {
      ast = worker.parser.parse(item.content);
    } catch (RecognitionException e) {
      warnParseError(item, e);
      item.content = null;
      return;
    } catch (RuntimeException | StackOverflowError e) {
      warn(file, "cannot be parsed, skipped (" + describe(e) + ")");
      item.content = null;
      return;
    }
    try {
      FileInput tree = new PythonTreeMaker().fileInput(ast);
      symbols.addModule(tree, item.packageName, new LocalPythonFile(file, item.content));
    } catch (RuntimeException | StackOverflowError e) {
      // like SonarPython: the file is still analysed, other modules just do not see its symbols
    }
  }

  private void warnParseError(Indexed item, RecognitionException e) {
    String hint = PYTHON2_HINT.matcher(item.content).find() ? " (Python 2 syntax is not supported)" : "";
    warn(item.file, "syntax error at line " + e.getLine() + hint + ", not analysed");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // analysis step

  private List<Finding> analyse(Indexed item) {
    if (item.content == null) {
      return List.of();
    }
    Worker worker = workers.get();
    SourceFile file = item.file;
    LocalPythonFile pythonFile = new LocalPythonFile(file, item.content);
    FileInput tree;
    try {
      tree = tree(item, worker);
    } catch (RecognitionException e) {
      warnParseError(item, e);
      return List.of();
    } catch (RuntimeException | StackOverflowError e) {
      warn(file, "cannot be parsed, skipped (" + describe(e) + ")");
      return List.of();
    }
    PythonVisitorContext context;
    try {
      context = new PythonVisitorContext.Builder(tree, pythonFile)
        .packageName(file.notebook() ? "" : item.packageName)
        .projectLevelSymbolTable(symbols)
        .typeTable(typeTable)
        .cacheContext(CacheContextImpl.dummyCache())
        .sonarProduct(SonarProduct.SONARQUBE)
        .build();
    } catch (RuntimeException | StackOverflowError e) {
      warn(file, "semantic analysis failed, not analysed (" + describe(e) + ")");
      return List.of();
    }
    analysed.incrementAndGet();
    lines.addAndGet(SourceText.lines(item.content).length);
    boolean test = isTestFile(file, pythonFile, tree);
    if (test) {
      testFiles.incrementAndGet();
    }
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
      SubscriptionVisitor.analyze(subscriptionChecks, context);
    } catch (RuntimeException | StackOverflowError e) {
      warn(file, "rules failed on this file, its issues are lost (" + describe(e) + ")");
      return List.of();
    }
    for (PythonSubscriptionCheck check : subscriptionChecks) {
      if (check instanceof GuardedCheck guarded && guarded.failure() != null) {
        failures.put(check, guarded.failure());
      }
    }
    failures.forEach((check, e) -> warn(file, "rule " + worker.rules.get(check).key() + " failed on this file, its issues here are dropped ("
      + describe(e) + ")"));
    NoSonarLines noSonar = NoSonarLines.of(tree, worker.noSonarParser);
    List<Finding> findings = new ArrayList<>();
    for (PreciseIssue issue : context.getIssues()) {
      RuleInfo rule = worker.rules.get(issue.check());
      if (rule == null || failures.containsKey(issue.check())) {
        continue;
      }
      IssueLocation primary = issue.primaryLocation();
      if (primary.startLine() != IssueLocation.UNDEFINED_LINE && noSonar.suppresses(rule.key(), primary.startLine())) {
        continue;
      }
      findings.add(finding(rule, issue, file));
    }
    return fingerprint(findings, item.content);
  }

  private FileInput tree(Indexed item, Worker worker) {
    if (item.notebook != null) {
      Map<Integer, IPythonLocation> locations = item.notebook.locationMap();
      String source;
      try {
        source = item.notebook.contents();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return new IPythonTreeMaker(locations).fileInput(worker.ipythonParser().parse(source));
    }
    return new PythonTreeMaker().fileInput(worker.parser.parse(item.content));
  }

  private boolean isTestFile(SourceFile file, LocalPythonFile pythonFile, FileInput tree) {
    if (!testPatterns.isEmpty()) {
      return testPatterns.ignores(file.relativePath(), false);
    }
    return testClassifier.looksLikeTestFile(pythonFile.asProjectInputFile(), tree);
  }

  private Finding finding(RuleInfo rule, PreciseIssue issue, SourceFile file) {
    Location primary = location(issue.primaryLocation(), file.relativePath(), file);
    List<Location> secondaries = new ArrayList<>();
    for (IssueLocation secondary : issue.secondaryLocations()) {
      secondaries.add(location(secondary, file.relativePath(), file));
    }
    for (PythonCheck.IssueFlow flow : issue.flows()) {
      for (IssueLocation step : flow.locations()) {
        secondaries.add(location(step, file.relativePath(), file));
      }
    }
    return new Finding(rule, primary, List.copyOf(secondaries), issue.cost() == null ? null : issue.cost().doubleValue(), "");
  }

  private Location location(IssueLocation location, String defaultFile, SourceFile file) {
    String path = defaultFile;
    String fileId = location.fileId();
    if (fileId != null && !fileId.equals(file.relativePath()) && !fileId.equals(file.path().toString())
      && !fileId.equals(file.path().toUri().toString())) {
      path = otherFile(fileId);
    }
    String message = location.message() == null ? "" : location.message();
    if (location.startLine() == IssueLocation.UNDEFINED_LINE) {
      return new Location(path, 0, 0, 0, 0, message);
    }
    if (location.startLineOffset() == IssueLocation.UNDEFINED_OFFSET) {
      return new Location(path, location.startLine(), 0, location.startLine(), 0, message);
    }
    return new Location(path, location.startLine(), location.startLineOffset() + 1, location.endLine(), location.endLineOffset() + 1, message);
  }

  /**
   * A location in another file (the frontend names it by the file's key, its absolute path here): relative to the base
   * directory like the findings' own files when it is under it.
   */
  private String otherFile(String fileId) {
    try {
      Path other = Path.of(fileId);
      if (other.isAbsolute()) {
        Path normalized = other.normalize();
        if (normalized.startsWith(config.baseDir())) {
          return FileCollector.slashes(config.baseDir().relativize(normalized));
        }
        Path realBase = config.baseDir().toRealPath();
        if (normalized.startsWith(realBase)) {
          return FileCollector.slashes(realBase.relativize(normalized));
        }
      }
    } catch (InvalidPathException | IOException e) {
      // not a path of this machine: keep the key as the frontend gave it
    }
    return fileId;
  }

  /**
   * Adds fingerprints: a hash of the rule, the file and the primary line's text without white space, plus the
   * occurrence number of that hash in the file (so two identical findings stay distinct).
   */
  private static List<Finding> fingerprint(List<Finding> findings, String content) {
    if (findings.isEmpty()) {
      return findings;
    }
    String[] lines = SourceText.lines(content);
    findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(f -> f.primary().column()).thenComparing(Finding::ruleKey));
    Map<String, Integer> occurrences = new HashMap<>();
    List<Finding> result = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      int line = finding.line();
      String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
      String hash = sha256(finding.ruleKey() + "\n" + finding.file() + "\n" + text.replaceAll("\\s+", "")).substring(0, 16);
      int occurrence = occurrences.merge(hash, 1, Integer::sum);
      result.add(finding.withFingerprint(hash + ":" + occurrence));
    }
    return result;
  }

  private static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void warn(SourceFile file, String message) {
    warnings.add(new AnalysisWarning(file.relativePath(), message));
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
    }
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("org.backendreview.")) {
        text.append(" at ").append(frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1))
          .append('.').append(frame.getMethodName()).append(':').append(frame.getLineNumber());
        break;
      }
    }
    return text.toString();
  }

  /** Per-thread state: parsers and check instances are not thread-safe. */
  private final class Worker {
    final PythonParser parser = PythonParser.create();
    private PythonParser ipythonParser;
    final NoSonarInfoParser noSonarParser = new NoSonarInfoParser();
    final List<PythonCheck> checks = new ArrayList<>();
    final Map<PythonCheck, RuleInfo> rules = new IdentityHashMap<>();

    Worker() {
      for (RuleInfo rule : selection.rules()) {
        PythonCheck check = selection.newCheck(rule);
        if (check instanceof PythonSubscriptionCheck subscriptionCheck) {
          check = new GuardedCheck(subscriptionCheck, rule);
        }
        checks.add(check);
        rules.put(check, rule);
      }
    }

    PythonParser ipythonParser() {
      if (ipythonParser == null) {
        ipythonParser = PythonParser.createIPythonParser();
      }
      return ipythonParser;
    }
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
