/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.backendreview.scanner.AnalysisWarning;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.RuleCatalog;
import org.backendreview.scanner.ScanConfig;
import org.backendreview.scanner.ScanResult;
import org.backendreview.scanner.ScanStats;
import org.backendreview.scanner.Scanner;
import org.backendreview.scanner.Severity;

/**
 * The {@code backend-review} command. Exit codes: 0 no finding at or above the {@code --fail-on} severity, 1 such
 * findings, 2 usage or analysis error (and, with {@code --strict}, analysis warnings).
 */
public final class Main {

  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int ERROR = 2;
  /** The default findings cache, under the base directory. */
  static final String CACHE_DIRECTORY = ".backend-review-cache";

  private final PrintStream out;
  private final PrintStream err;
  private final Path cwd;
  private final Map<String, String> env;
  private final Supplier<RuleCatalog> catalog;
  /** Set when {@link #run} ended because the heap was exhausted (the {@link Daemon} then stops, its client scans without it). */
  volatile boolean ranOutOfMemory;
  /** Whether to tell the user to raise the heap when it is exhausted (the daemon's client scans in a fresh JVM instead). */
  boolean explainOutOfMemory = true;

  Main(PrintStream out, PrintStream err, Path cwd, Map<String, String> env) {
    this(out, err, cwd, env, RuleCatalog::load);
  }

  /** One command in a JVM that may run others before and after it (the {@link Daemon}): keeps no state between runs. */
  Main(PrintStream out, PrintStream err, Path cwd, Map<String, String> env, Supplier<RuleCatalog> catalog) {
    this.out = out;
    this.err = err;
    this.cwd = cwd.toAbsolutePath().normalize();
    this.env = env;
    this.catalog = catalog;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = new Main(out, err, Path.of(""), System.getenv()).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  int run(String... args) {
    Options options;
    try {
      options = Options.parse(args);
      return switch (options.command) {
        case HELP -> {
          out.print(Help.TEXT);
          yield OK;
        }
        case VERSION -> {
          out.println(Report.TOOL + " " + version());
          yield OK;
        }
        case LIST_RULES -> {
          out.print(RuleListing.render(catalog.get().rules(), options.get(Setting.FORMAT) == null ? Options.Format.TEXT : options.get(Setting.FORMAT)));
          yield OK;
        }
        case SCAN -> scan(options);
      };
    } catch (UsageException | IllegalArgumentException e) {
      err.println(Report.TOOL + ": " + e.getMessage());
      return ERROR;
    } catch (UncheckedIOException e) {
      err.println(Report.TOOL + ": " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
      return ERROR;
    } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
      if (outOfMemory(e)) {
        ranOutOfMemory = true;
        if (!explainOutOfMemory) {
          return ERROR;
        }
        err.printf(Locale.ROOT, "%s: this project needs more memory than the Java heap's %d MiB: run again with a larger heap, e.g. "
          + "BACKEND_REVIEW_JAVA_OPTS=-Xmx2g (docs/cli.md, \"Memory and JVM options\")%n", Report.TOOL, Runtime.getRuntime().maxMemory() >> 20);
        return ERROR;
      }
      err.println(Report.TOOL + ": analysis failed: " + e);
      e.printStackTrace(err);
      return ERROR;
    }
  }

  private int scan(Options options) {
    long start = System.nanoTime();
    List<Path> paths = new ArrayList<>();
    for (Path path : options.paths.isEmpty() ? List.of(Path.of(".")) : options.paths) {
      Path absolute = cwd.resolve(path).normalize();
      if (!Files.exists(absolute)) {
        throw new UsageException("Path not found: " + path);
      }
      paths.add(absolute);
    }
    Settings settings = new Settings(options.values, cwd, loadConfig(options, paths.get(0)));
    PyprojectConfig config = settings.file();
    Path baseDir = options.values.has(Setting.BASE_DIR) ? settings.path(Setting.BASE_DIR) : config != null ? config.directory() : cwd;

    ScanConfig.Builder builder = ScanConfig.builder().paths(paths).baseDir(baseDir);
    Settings.RuleChoice rules = settings.rules();
    if (rules.keys() != null) {
      builder.rules(new LinkedHashSet<>(rules.keys()));
    }
    builder.allRules(rules.all());
    builder.profile(settings.value(Setting.PROFILE));
    builder.disableRules(new LinkedHashSet<>(settings.list(Setting.DISABLE)));
    settings.map(Setting.PARAMS).forEach(builder::param);
    settings.list(Setting.EXCLUDE).forEach(builder::exclude);
    settings.list(Setting.TESTS).forEach(builder::testPattern);
    settings.paths(Setting.PACKAGE_ROOTS).forEach(builder::packageRoot);
    builder.respectGitignore(settings.on(Setting.GITIGNORE));
    builder.defaultExcludes(settings.on(Setting.DEFAULT_EXCLUDES));
    builder.notebooks(settings.on(Setting.NOTEBOOKS));
    Integer threads = settings.value(Setting.THREADS);
    if (threads != null) {
      builder.threads(threads);
    }
    Long maxFileSize = settings.value(Setting.MAX_FILE_SIZE);
    if (maxFileSize != null) {
      builder.maxFileSize(maxFileSize);
    }
    settings.list(Setting.PYTHON_VERSION).forEach(builder::pythonVersion);
    if (settings.on(Setting.CACHE) && !"1".equals(env.get("BACKEND_REVIEW_NO_CACHE"))) {
      Path cacheDir = settings.path(Setting.CACHE_DIR);
      builder.cacheDir(cacheDir != null ? cacheDir : baseDir.resolve(CACHE_DIRECTORY));
    }
    Options.Format format = settings.value(Setting.FORMAT);
    String failOn = settings.value(Setting.FAIL_ON);
    boolean strict = settings.on(Setting.STRICT);
    boolean quiet = settings.on(Setting.QUIET);
    Path output = options.get(Setting.OUTPUT) == null ? null : settings.path(Setting.OUTPUT);
    Path writeBaseline = settings.path(Setting.WRITE_BASELINE);
    Path baselinePath = settings.path(Setting.BASELINE);
    Baseline baseline = baselinePath == null || writeBaseline != null ? null : Baseline.read(baselinePath);

    boolean progress = !quiet && isTerminal("BACKEND_REVIEW_STDERR_TTY");
    if (progress) {
      builder.listener(new Progress(err));
    }
    ScanConfig scanConfig = builder.build();
    ScanResult result = Scanner.scan(scanConfig, catalog.get());

    if (!quiet) {
      for (AnalysisWarning warning : result.warnings()) {
        err.println("warning: " + warning);
      }
    }
    if (writeBaseline != null) {
      Path file = writeBaseline;
      try {
        Baseline.write(file, result.findings(), version());
      } catch (IOException e) {
        throw new UsageException("Cannot write the baseline " + file + ": " + e.getMessage());
      }
      if (!quiet) {
        err.println("Baseline written to " + file + ": " + Report.plural(result.findings().size(), "finding") + ".");
      }
      verbose(settings, result, start);
      return strict && !result.warnings().isEmpty() ? ERROR : OK;
    }
    List<Finding> findings = baseline == null ? result.findings() : baseline.newFindings(result.findings());
    if (settings.on(Setting.FIX)) {
      return fix(findings, baseDir, settings.on(Setting.APPLY), output, options.get(Setting.OUTPUT), quiet);
    }
    if (settings.on(Setting.APPLY)) {
      throw new UsageException("--apply applies the quick fixes of --fix: use --fix --apply");
    }
    Report report = new Report(result, findings, result.findings().size() - findings.size(), version(),
      baseDir.getFileName() == null ? baseDir.toString() : baseDir.getFileName().toString(), rules.description());
    boolean color = switch (settings.<Options.Color>value(Setting.COLOR)) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> output == null && !env.containsKey("NO_COLOR") && isTerminal("BACKEND_REVIEW_STDOUT_TTY");
    };
    writeReport(Reporter.of(format, color), report, output, options.get(Setting.OUTPUT));
    if (output != null && !quiet) {
      err.println(Report.plural(findings.size(), "finding") + " written to " + options.<String>get(Setting.OUTPUT) + ".");
    }
    verbose(settings, result, start);
    if (strict && !result.warnings().isEmpty()) {
      return ERROR;
    }
    if (!failOn.isEmpty()) {
      Severity threshold = Severity.valueOf(failOn);
      if (findings.stream().anyMatch(f -> f.severity().atLeast(threshold))) {
        return FINDINGS;
      }
    }
    return OK;
  }

  /**
   * {@code --fix}: the quick fixes of the findings as a unified diff on the output (a dry run), or with {@code --apply}
   * written to the files (the diff of what was applied is printed too).
   */
  private int fix(List<Finding> findings, Path baseDir, boolean apply, @Nullable Path output, @Nullable String outputName, boolean quiet) {
    List<QuickFixes.FilePatch> patches = QuickFixes.plan(findings, baseDir);
    StringBuilder diff = new StringBuilder();
    patches.forEach(p -> diff.append(QuickFixes.unifiedDiff(p)));
    writeReport((report, out) -> out.append(diff), null, output, outputName);
    if (apply) {
      QuickFixes.apply(patches);
    }
    if (!quiet) {
      int fixes = patches.stream().mapToInt(QuickFixes.FilePatch::fixes).sum();
      long fixable = findings.stream().filter(f -> !f.quickFixes().isEmpty()).count();
      err.println(Report.plural(fixes, "quick fix", "quick fixes") + " in " + Report.plural(patches.size(), "file")
        + (apply ? " applied" : " (dry run: --fix --apply writes them)") + "; " + Report.plural(findings.size(), "finding") + ", "
        + fixable + " with a quick fix" + (fixable > fixes ? ", " + (fixable - fixes) + " left out because they overlap another fix" : "") + ".");
    }
    return OK;
  }

  @Nullable
  private PyprojectConfig loadConfig(Options options, Path firstPath) {
    if (Boolean.TRUE.equals(options.get(Setting.NO_CONFIG))) {
      return null;
    }
    String config = options.get(Setting.CONFIG);
    if (config != null) {
      Path file = cwd.resolve(config);
      if (!Files.isRegularFile(file)) {
        throw new UsageException("Configuration file not found: " + config);
      }
      return PyprojectConfig.read(file, true).orElse(null);
    }
    return PyprojectConfig.find(firstPath).orElse(null);
  }

  private void writeReport(Reporter reporter, @Nullable Report report, @Nullable Path file, @Nullable String output) {
    try {
      if (file == null) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        reporter.write(report, writer);
        writer.flush();
      } else {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          reporter.write(report, writer);
        }
      }
    } catch (IOException e) {
      throw new UsageException("Cannot write the report" + (output == null ? "" : " to " + output) + ": " + e.getMessage());
    }
  }

  private static boolean outOfMemory(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  private void verbose(Settings settings, ScanResult result, long start) {
    if (!settings.on(Setting.VERBOSE)) {
      return;
    }
    ScanStats stats = result.stats();
    err.printf(Locale.ROOT, "%s %s: %d rules, %d threads, base directory %s%n", Report.TOOL, version(), result.rules().size(), stats.threads(),
      result.baseDir());
    for (Map.Entry<String, Duration> phase : stats.phases().entrySet()) {
      err.printf(Locale.ROOT, "  %-10s %8.2f s%n", phase.getKey(), phase.getValue().toNanos() / 1e9);
    }
    err.printf(Locale.ROOT, "  %-10s %8.2f s (with start-up %.2f s)%n", "scan", stats.total().toNanos() / 1e9, (System.nanoTime() - start) / 1e9);
    err.printf(Locale.ROOT, "  %d files (%d test files), %d lines: %.1f files/s, %.0f LOC/s (CPU time %.1f s: %.0f LOC per CPU-second)%n",
      stats.files(), stats.testFiles(), stats.lines(), stats.filesPerSecond(), stats.linesPerSecond(), stats.cpu().toNanos() / 1e9,
      stats.linesPerCpuSecond());
    err.printf(Locale.ROOT, "  %d skipped, %d warnings, %d findings%n", stats.skipped(), result.warnings().size(), result.findings().size());
    if (stats.cachedFiles() > 0 || stats.indexedFromCache() > 0) {
      err.printf(Locale.ROOT, "  %d of %d files' findings from the cache, %d modules of the index from the cache%n", stats.cachedFiles(),
        stats.files(), stats.indexedFromCache());
    }
  }

  private boolean isTerminal(String variable) {
    String value = env.get(variable);
    if (value != null) {
      return value.equals("1") || value.equalsIgnoreCase("true");
    }
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+: a console exists even when redirected; isTerminal() tells
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  static String version() {
    return Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("dev");
  }
}
