/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sonar.plugins.python.api.SubscriptionContext;

/**
 * The lowest version of a distribution that the analysed project declares it runs with, read from its dependency
 * files: the nearest directory above the analysed file (at most {@value #MAX_LEVELS} levels, not above a {@code .git}
 * root) that holds {@code pyproject.toml}, {@code setup.py}, {@code setup.cfg}, {@code Pipfile} or
 * {@code requirements*.txt}; that directory's {@code requirements*.txt}, {@code requirements/*.txt}, lock files
 * ({@code poetry.lock}, {@code uv.lock}: the locked version wins) and the project files are read as text. A lower bound comes
 * from {@code ==}, {@code ===}, {@code >=}, {@code >}, {@code ~=} or Poetry's {@code ^}; a bare name or an upper
 * bound only says nothing. Unknown (no file, no bound, unreadable, not a {@code file:} URI) is empty: callers stay
 * silent. Results are cached per directory for two minutes (dependency files rarely change during an analysis).
 */
public final class DeclaredDependencies {

  static final int MAX_LEVELS = 8;
  private static final long MAX_FILE_BYTES = 1_000_000;
  private static final List<String> PROJECT_FILES = List.of("pyproject.toml", "setup.py", "setup.cfg", "Pipfile");
  private static final List<String> LOCK_FILES = List.of("poetry.lock", "uv.lock");
  /**
   * How long a project's declared versions are reused: an analysis reads them once, an editor (SonarLint) sees an edited
   * {@code pyproject.toml} after at most this long (as the Django settings' facts). The standalone scanner's daemon
   * empties the cache before each scan ({@link AnalysisCache#clearProjectCaches}).
   */
  private static final long TTL_MILLIS = 120_000;
  private static final AnalysisCache.ProjectCache<String, Declared> CACHE = AnalysisCache.project(100);

  private record Declared(Optional<Version> version, long computedAt) {
  }

  /** A major.minor version. */
  public record Version(int major, int minor) implements Comparable<Version> {
    @Override
    public int compareTo(Version other) {
      return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    public boolean isAtLeast(int otherMajor, int otherMinor) {
      return compareTo(new Version(otherMajor, otherMinor)) >= 0;
    }
  }

  private DeclaredDependencies() {
  }

  /**
   * The names of the files read in a project directory, besides {@code requirements*.txt} and {@code requirements/}: a
   * cache of findings must depend on them (the standalone scanner's does).
   */
  public static List<String> fileNames() {
    List<String> names = new ArrayList<>(PROJECT_FILES);
    names.addAll(LOCK_FILES);
    return List.copyOf(names);
  }

  /** The lowest version of the distribution (lower-case name, e.g. {@code fastapi}) the project declares, or empty. */
  public static Optional<Version> minimumVersion(String distribution, SubscriptionContext ctx) {
    Optional<Path> directory = ModuleSources.directoryOf(ctx.pythonFile());
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    Path dir = directory.get();
    Optional<Path> root = projectDirectory(dir);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    long now = System.currentTimeMillis();
    return CACHE.get(distribution + "@" + root.get(), cached -> now - cached.computedAt() < TTL_MILLIS,
      k -> new Declared(read(distribution, root.get()), now)).version();
  }

  private static Optional<Path> projectDirectory(Path start) {
    int level = 0;
    for (Path current = start; current != null && level < MAX_LEVELS; current = current.getParent(), level++) {
      Path dir = current;
      if (PROJECT_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f))) || !requirementFiles(dir).isEmpty()) {
        return Optional.of(current);
      }
      if (Files.exists(current.resolve(".git"))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static List<Path> requirementFiles(Path dir) {
    List<Path> result = new ArrayList<>();
    addMatching(dir, "requirements*.txt", result);
    if (Files.isDirectory(dir.resolve("requirements"))) {
      addMatching(dir.resolve("requirements"), "*.txt", result);
    }
    return result;
  }

  private static void addMatching(Path dir, String glob, List<Path> result) {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(result::add);
    } catch (IOException | RuntimeException e) {
      // unreadable: nothing declared
    }
  }

  static Optional<Version> read(String distribution, Path root) {
    List<Path> files = new ArrayList<>();
    PROJECT_FILES.forEach(f -> files.add(root.resolve(f)));
    files.addAll(requirementFiles(root));
    Pattern requirement = Pattern.compile("(?im)(?:^|[\\s\"',\\[])" + Pattern.quote(distribution)
      + "(?:\\[[^\\]]*])?[\"']?\\s*(?:=\\s*[\"'{]?\\s*(?:version\\s*=\\s*[\"'])?)?(===|==|>=|~=|>|\\^)\\s*v?(\\d+)\\.(\\d+)");
    Pattern locked = Pattern.compile("(?m)^name\\s*=\\s*\"" + Pattern.quote(distribution) + "\"\\s*\\R\\s*version\\s*=\\s*\"(\\d+)\\.(\\d+)");
    for (String lock : LOCK_FILES) {
      // the locked version is the one installed
      Matcher m = locked.matcher(text(root.resolve(lock)));
      if (m.find()) {
        return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      }
    }
    Optional<Version> lowest = Optional.empty();
    for (Path file : files) {
      for (Matcher m = requirement.matcher(text(file)); m.find(); ) {
        lowest = lower(lowest, new Version(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      }
    }
    return lowest;
  }

  private static Optional<Version> lower(Optional<Version> current, Version candidate) {
    return Optional.of(current.filter(c -> c.compareTo(candidate) <= 0).orElse(candidate));
  }

  private static String text(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
        return "";
      }
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
