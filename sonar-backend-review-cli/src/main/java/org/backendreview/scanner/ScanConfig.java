/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * What to scan and how. Build one with {@link #builder(Path...)}; every setting has the command line's default.
 */
public final class ScanConfig {

  /** SonarQube's default {@code sonar.filesize.limit}: larger files are skipped with a warning. */
  public static final long DEFAULT_MAX_FILE_SIZE = 20L * 1024 * 1024;

  private final List<Path> paths;
  private final Path baseDir;
  private final @Nullable Set<String> rules;
  private final boolean allRules;
  private final RuleProfile profile;
  private final Set<String> disabledRules;
  private final Map<String, String> params;
  private final List<String> excludes;
  private final boolean respectGitignore;
  private final boolean defaultExcludes;
  private final List<String> testPatterns;
  private final List<Path> packageRoots;
  private final boolean notebooks;
  private final int threads;
  private final long maxFileSize;
  private final List<String> pythonVersions;
  private final ScanListener listener;
  @Nullable
  private final Path cacheDir;

  private ScanConfig(Builder builder) {
    this.paths = List.copyOf(builder.paths);
    this.baseDir = builder.baseDir.toAbsolutePath().normalize();
    this.rules = builder.rules == null ? null : Set.copyOf(builder.rules);
    this.allRules = builder.allRules;
    this.profile = builder.profile;
    this.disabledRules = Set.copyOf(builder.disabledRules);
    this.params = Map.copyOf(builder.params);
    this.excludes = List.copyOf(builder.excludes);
    this.respectGitignore = builder.respectGitignore;
    this.defaultExcludes = builder.defaultExcludes;
    this.testPatterns = List.copyOf(builder.testPatterns);
    this.packageRoots = List.copyOf(builder.packageRoots);
    this.notebooks = builder.notebooks;
    this.threads = builder.threads;
    this.maxFileSize = builder.maxFileSize;
    this.pythonVersions = List.copyOf(builder.pythonVersions);
    this.listener = builder.listener;
    this.cacheDir = builder.cacheDir == null ? null : builder.cacheDir.toAbsolutePath().normalize();
  }

  /** A configuration for the given files and directories; the base directory defaults to the current directory. */
  public static Builder builder(Path... paths) {
    Builder builder = new Builder();
    builder.paths.addAll(List.of(paths));
    return builder;
  }

  /** Files and directories to analyse. */
  public List<Path> paths() {
    return paths;
  }

  /** Paths in findings are relative to this directory; {@code --exclude} patterns and test patterns too. */
  public Path baseDir() {
    return baseDir;
  }

  /**
   * Explicit rule keys ({@code python:S2077}, {@code backendreview:SqlInjection}, or a bare key that one repository
   * has), or null for the {@link #profile()} (or all rules with {@link #allRules()}).
   */
  @Nullable
  public Set<String> rules() {
    return rules;
  }

  /** Every rule of both repositories. */
  public boolean allRules() {
    return allRules;
  }

  /** The rule set when neither explicit rules nor all rules are asked for; default "Backend Review way". */
  public RuleProfile profile() {
    return profile;
  }

  public Set<String> disabledRules() {
    return disabledRules;
  }

  /** Rule parameters, {@code "RuleKey.paramKey" -> value}. */
  public Map<String, String> params() {
    return params;
  }

  /** Gitignore-style patterns, relative to the base directory, of files and directories not to analyse. */
  public List<String> excludes() {
    return excludes;
  }

  public boolean respectGitignore() {
    return respectGitignore;
  }

  /** Whether virtual environments, {@code node_modules}, build directories, VCS and tool caches are skipped. */
  public boolean defaultExcludes() {
    return defaultExcludes;
  }

  /**
   * Gitignore-style patterns of test files. Empty: SonarPython's heuristic decides (as when {@code sonar.tests} is not
   * set). Checks whose scope is MAIN (the default) do not run on test files.
   */
  public List<String> testPatterns() {
    return testPatterns;
  }

  /** Directories that module names are computed from; empty: derived from the {@code __init__.py} files. */
  public List<Path> packageRoots() {
    return packageRoots;
  }

  /** Whether Jupyter notebooks ({@code .ipynb}) are analysed too (SonarQube does not run custom rules on them). */
  public boolean notebooks() {
    return notebooks;
  }

  public int threads() {
    return threads;
  }

  public long maxFileSize() {
    return maxFileSize;
  }

  /** Target Python versions ({@code sonar.python.version}), e.g. {@code 3.12}; empty: all. */
  public List<String> pythonVersions() {
    return pythonVersions;
  }

  public ScanListener listener() {
    return listener;
  }

  /** The directory of the findings cache (docs/cli.md, "Cache"); null: no cache (the default of the Java API). */
  @Nullable
  public Path cacheDir() {
    return cacheDir;
  }

  /** Builder of {@link ScanConfig}. */
  public static final class Builder {
    private final List<Path> paths = new ArrayList<>();
    private Path baseDir = Path.of("");
    private Set<String> rules;
    private boolean allRules;
    private RuleProfile profile = RuleProfile.BACKEND_REVIEW_WAY;
    private final Set<String> disabledRules = new LinkedHashSet<>();
    private final Map<String, String> params = new LinkedHashMap<>();
    private final List<String> excludes = new ArrayList<>();
    private boolean respectGitignore = true;
    private boolean defaultExcludes = true;
    private final List<String> testPatterns = new ArrayList<>();
    private final List<Path> packageRoots = new ArrayList<>();
    private boolean notebooks;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Path cacheDir;
    private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
    private final List<String> pythonVersions = new ArrayList<>();
    private ScanListener listener = ScanListener.NONE;

    private Builder() {
    }

    public Builder paths(List<Path> values) {
      paths.clear();
      paths.addAll(values);
      return this;
    }

    public Builder baseDir(Path value) {
      baseDir = value;
      return this;
    }

    /** Only these rules (null: the default profile). */
    public Builder rules(@Nullable Set<String> keys) {
      rules = keys == null ? null : new LinkedHashSet<>(keys);
      return this;
    }

    /** Every rule of both repositories, not only the profile's. */
    public Builder allRules(boolean value) {
      allRules = value;
      return this;
    }

    /** The profile whose rules run (unless explicit rules or all rules are set). */
    public Builder profile(RuleProfile value) {
      profile = value;
      return this;
    }

    public Builder disableRules(Set<String> keys) {
      disabledRules.addAll(keys);
      return this;
    }

    /** Sets a rule parameter; {@code key} is {@code "RuleKey.paramKey"}. */
    public Builder param(String key, String value) {
      params.put(key, value);
      return this;
    }

    public Builder exclude(String pattern) {
      excludes.add(pattern);
      return this;
    }

    public Builder respectGitignore(boolean value) {
      respectGitignore = value;
      return this;
    }

    public Builder defaultExcludes(boolean value) {
      defaultExcludes = value;
      return this;
    }

    public Builder testPattern(String pattern) {
      testPatterns.add(pattern);
      return this;
    }

    public Builder packageRoot(Path root) {
      packageRoots.add(root);
      return this;
    }

    public Builder notebooks(boolean value) {
      notebooks = value;
      return this;
    }

    public Builder threads(int value) {
      threads = Math.max(1, value);
      return this;
    }

    public Builder maxFileSize(long bytes) {
      maxFileSize = bytes;
      return this;
    }

    public Builder pythonVersion(String version) {
      pythonVersions.add(version);
      return this;
    }

    public Builder listener(ScanListener value) {
      listener = value;
      return this;
    }

    /** Reuses the findings of unchanged files from this cache directory (created if needed); null: no cache. */
    public Builder cacheDir(@Nullable Path directory) {
      cacheDir = directory;
      return this;
    }

    public ScanConfig build() {
      if (paths.isEmpty()) {
        throw new IllegalArgumentException("No path to scan");
      }
      return new ScanConfig(this);
    }
  }
}
