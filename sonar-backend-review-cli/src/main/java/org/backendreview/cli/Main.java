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
  private static final Pattern PYTHON_VERSION = Pattern.compile("3\\.\\d{1,2}");

  private final PrintStream out;
  private final PrintStream err;
  private final Path cwd;
  private final Map<String, String> env;

  Main(PrintStream out, PrintStream err, Path cwd, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.cwd = cwd.toAbsolutePath().normalize();
    this.env = env;
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
          out.print(RuleListing.render(RuleCatalog.load().rules(), options.format == null ? Options.Format.TEXT : options.format));
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
    PyprojectConfig config = loadConfig(options, paths.get(0));
    Path baseDir = options.baseDir != null ? cwd.resolve(options.baseDir).normalize() : config != null ? config.directory() : cwd;

    ScanConfig.Builder builder = ScanConfig.builder().paths(paths).baseDir(baseDir);
    String ruleSet = ruleSelection(options, config, builder);
    Set<String> disabled = new LinkedHashSet<>(options.disabled);
    if (config != null) {
      disabled.addAll(config.disable);
      config.params.forEach(builder::param);
      config.exclude.forEach(builder::exclude);
      config.packageRoots.forEach(r -> builder.packageRoot(config.directory().resolve(r)));
    }
    builder.disableRules(disabled);
    options.params.forEach(builder::param);
    options.excludes.forEach(builder::exclude);
    List<String> tests = !options.tests.isEmpty() ? options.tests : config != null ? config.tests : List.of();
    tests.forEach(builder::testPattern);
    if (!options.packageRoots.isEmpty()) {
      ScanConfig.Builder roots = builder;
      options.packageRoots.forEach(r -> roots.packageRoot(cwd.resolve(r)));
    }
    builder.respectGitignore(first(options.gitignore, config == null ? null : config.gitignore, true));
    builder.defaultExcludes(first(options.defaultExcludes, config == null ? null : config.defaultExcludes, true));
    builder.notebooks(first(options.notebooks, config == null ? null : config.notebooks, false));
    Integer threads = first(options.threads, config == null ? null : config.threads, null);
    if (threads != null) {
      builder.threads(threads);
    }
    Long maxFileSize = first(options.maxFileSize, config == null ? null : config.maxFileSize, null);
    if (maxFileSize != null) {
      builder.maxFileSize(maxFileSize);
    }
    List<String> versions = !options.pythonVersions.isEmpty() ? options.pythonVersions : config != null ? config.pythonVersions : List.of();
    for (String version : versions) {
      if (!PYTHON_VERSION.matcher(version).matches()) {
        throw new UsageException("Unknown Python version \"" + version + "\": use e.g. 3.12");
      }
      builder.pythonVersion(version);
    }
    Options.Format format = options.format != null ? options.format
      : config != null && config.format != null ? Options.Format.parse(config.format) : Options.Format.TEXT;
    String failOn = first(options.failOn, config == null ? null : config.failOn, Severity.INFO.name());
    boolean strict = first(options.strict, config == null ? null : config.strict, false);
    Path baselinePath = options.baseline != null ? cwd.resolve(options.baseline)
      : config != null && config.baseline != null ? config.directory().resolve(config.baseline) : null;
    Baseline baseline = baselinePath == null || options.writeBaseline != null ? null : Baseline.read(baselinePath);

    boolean progress = !options.quiet && isTerminal("BACKEND_REVIEW_STDERR_TTY");
    if (progress) {
      builder.listener(new Progress(err));
    }
    ScanConfig scanConfig = builder.build();
    ScanResult result = Scanner.scan(scanConfig);

    if (!options.quiet) {
      for (AnalysisWarning warning : result.warnings()) {
        err.println("warning: " + warning);
      }
    }
    if (options.writeBaseline != null) {
      Path file = cwd.resolve(options.writeBaseline);
      try {
        Baseline.write(file, result.findings(), version());
      } catch (IOException e) {
        throw new UsageException("Cannot write the baseline " + file + ": " + e.getMessage());
      }
      if (!options.quiet) {
        err.println("Baseline written to " + file + ": " + Report.plural(result.findings().size(), "finding") + ".");
      }
      verbose(options, result, start);
      return strict && !result.warnings().isEmpty() ? ERROR : OK;
    }
    List<Finding> findings = baseline == null ? result.findings() : baseline.newFindings(result.findings());
    Report report = new Report(result, findings, result.findings().size() - findings.size(), version(),
      baseDir.getFileName() == null ? baseDir.toString() : baseDir.getFileName().toString(), ruleSet);
    boolean color = switch (options.color) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> options.output == null && !env.containsKey("NO_COLOR") && isTerminal("BACKEND_REVIEW_STDOUT_TTY");
    };
    writeReport(Reporter.of(format, color), report, options.output);
    if (options.output != null && !options.quiet) {
      err.println(Report.plural(findings.size(), "finding") + " written to " + options.output + ".");
    }
    verbose(options, result, start);
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

  @Nullable
  private PyprojectConfig loadConfig(Options options, Path firstPath) {
    if (options.noConfig) {
      return null;
    }
    if (options.config != null) {
      Path file = cwd.resolve(options.config);
      if (!Files.isRegularFile(file)) {
        throw new UsageException("Configuration file not found: " + options.config);
      }
      return PyprojectConfig.read(file, true).orElse(null);
    }
    return PyprojectConfig.find(firstPath).orElse(null);
  }

  private static String ruleSelection(Options options, @Nullable PyprojectConfig config, ScanConfig.Builder builder) {
    if (options.rules != null) {
      builder.rules(options.rules);
      return "--rules";
    }
    if (options.all) {
      builder.allRules(true);
      return "all rules";
    }
    if (config != null && config.rules != null) {
      builder.rules(new LinkedHashSet<>(config.rules));
      return "rules of " + PyprojectConfig.FILE_NAME;
    }
    if (config != null && config.all) {
      builder.allRules(true);
      return "all rules";
    }
    return "the \"Backend Review way\" profile";
  }

  private void writeReport(Reporter reporter, Report report, @Nullable Path output) {
    try {
      if (output == null) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        reporter.write(report, writer);
        writer.flush();
      } else {
        Path file = cwd.resolve(output);
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

  private void verbose(Options options, ScanResult result, long start) {
    if (!options.verbose) {
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

  private static <T> T first(@Nullable T a, @Nullable T b, T fallback) {
    return a != null ? a : b != null ? b : fallback;
  }
}
