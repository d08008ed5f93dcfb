/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the files to analyse under the scan paths: {@code .py} files (and {@code .ipynb} when enabled), minus
 * virtual environments, {@code node_modules}, build output, VCS and tool directories, what {@code .gitignore} files
 * ignore, and the {@code --exclude} patterns.
 */
final class FileCollector {

  /** Directories skipped by default (below a scan path, never the scan path itself). */
  static final Set<String> DEFAULT_EXCLUDED_DIRECTORIES = Set.of(
    ".git", ".hg", ".svn", ".bzr", ".tox", ".nox", ".venv", "venv", ".direnv", ".eggs", "__pycache__", "__pypackages__",
    "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".pytype", ".ipynb_checkpoints", "_build", "buck-out",
    "site-packages", ".idea", ".vscode", "htmlcov", ".cache", ".pants.d");
  /** Build output directories, skipped unless they are a Python package. */
  static final Set<String> BUILD_DIRECTORIES = Set.of("build", "dist");

  private final ScanConfig config;
  private final IgnoreRules excludes;
  private final Map<Path, SourceFile> files = new LinkedHashMap<>();
  /** Real paths first reached through a symbolic link: the file's own path replaces the link's when it is reached too. */
  private final java.util.Set<Path> viaLink = new java.util.HashSet<>();
  private final List<AnalysisWarning> warnings = new ArrayList<>();

  private FileCollector(ScanConfig config) {
    this.config = config;
    this.excludes = IgnoreRules.parse(config.excludes());
  }

  record Result(List<SourceFile> files, List<AnalysisWarning> warnings) {
  }

  /** @throws IllegalArgumentException when a scan path does not exist */
  static Result collect(ScanConfig config) {
    FileCollector collector = new FileCollector(config);
    for (Path path : config.paths()) {
      Path absolute = config.baseDir().resolve(path).toAbsolutePath().normalize();
      if (!Files.exists(absolute)) {
        throw new IllegalArgumentException("Path not found: " + path);
      }
      try {
        if (Files.isDirectory(absolute)) {
          collector.walk(absolute);
        } else {
          collector.addExplicitFile(absolute);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + absolute, e);
      }
    }
    List<SourceFile> sorted = new ArrayList<>(collector.files.values());
    sorted.sort(Comparator.comparing(SourceFile::relativePath));
    return new Result(List.copyOf(sorted), List.copyOf(collector.warnings));
  }

  private void addExplicitFile(Path file) throws IOException {
    if (!isSource(file)) {
      warnings.add(new AnalysisWarning(relative(file), "not a Python file (.py" + (config.notebooks() ? " or .ipynb" : "") + "), skipped"));
      return;
    }
    if (!excludes.ignores(relative(file), false)) {
      add(file, file.getFileName().toString());
    }
  }

  private void walk(Path root) throws IOException {
    Map<Path, IgnoreRules> gitignores = new LinkedHashMap<>();
    if (config.respectGitignore()) {
      loadAncestorGitignores(root, gitignores);
    }
    SimpleFileVisitor<Path> visitor = new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(root)) {
          if (config.defaultExcludes() && isDefaultExcluded(dir)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (isIgnored(dir, true, gitignores)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
        }
        if (config.respectGitignore()) {
          Path gitignore = dir.resolve(".gitignore");
          if (Files.isRegularFile(gitignore)) {
            gitignores.put(dir, read(gitignore));
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (isSource(file) && Files.isRegularFile(file) && !isIgnored(file, false, gitignores)) {
          add(file, slashes(root.relativize(file)));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        warnings.add(new AnalysisWarning(relative(file), "cannot be read, skipped (" + e.getClass().getSimpleName() + ")"));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        gitignores.remove(dir);
        return FileVisitResult.CONTINUE;
      }
    };
    if (Files.isSymbolicLink(root)) {
      // a scan path that is a symbolic link to a directory is followed (walkFileTree would see only the link); links
      // inside the tree are not, as everywhere else
      visitor.preVisitDirectory(root, Files.readAttributes(root, BasicFileAttributes.class));
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
        stream.forEach(children::add);
      }
      children.sort(Comparator.naturalOrder());
      for (Path child : children) {
        Files.walkFileTree(child, visitor);
      }
      visitor.postVisitDirectory(root, null);
    } else {
      Files.walkFileTree(root, visitor);
    }
  }

  /** {@code .gitignore} files of the directories between the repository root (the nearest {@code .git}) and the scan root. */
  private static void loadAncestorGitignores(Path root, Map<Path, IgnoreRules> gitignores) throws IOException {
    List<Path> ancestors = new ArrayList<>();
    Path repository = null;
    // the scan root may be a repository itself: directories above it (say a home directory under version control) do not count
    for (Path dir = Files.exists(root.resolve(".git")) ? null : root.getParent(); dir != null; dir = dir.getParent()) {
      ancestors.add(0, dir);
      if (Files.exists(dir.resolve(".git"))) {
        repository = dir;
        break;
      }
    }
    Path exclude = (repository == null ? root : repository).resolve(".git/info/exclude");
    if (Files.isRegularFile(exclude)) {
      gitignores.put(repository == null ? root : repository, read(exclude));
    }
    if (repository == null) {
      return;
    }
    for (Path dir : ancestors) {
      Path gitignore = dir.resolve(".gitignore");
      if (Files.isRegularFile(gitignore)) {
        IgnoreRules rules = read(gitignore);
        gitignores.merge(dir, rules, (a, b) -> b);
      }
    }
  }

  private boolean isIgnored(Path path, boolean directory, Map<Path, IgnoreRules> gitignores) {
    if (!excludes.isEmpty() && Boolean.TRUE.equals(excludes.match(relative(path), directory))) {
      return true;
    }
    Boolean ignored = null;
    for (Map.Entry<Path, IgnoreRules> entry : gitignores.entrySet()) {
      if (path.startsWith(entry.getKey()) && !path.equals(entry.getKey())) {
        Boolean match = entry.getValue().match(slashes(entry.getKey().relativize(path)), directory);
        if (match != null) {
          ignored = match;
        }
      }
    }
    return Boolean.TRUE.equals(ignored);
  }

  private static boolean isDefaultExcluded(Path dir) {
    String name = dir.getFileName().toString();
    if (DEFAULT_EXCLUDED_DIRECTORIES.contains(name) || name.endsWith(".egg-info")) {
      return true;
    }
    if (BUILD_DIRECTORIES.contains(name) && !Files.exists(dir.resolve("__init__.py"))) {
      return true;
    }
    // a virtual environment or conda environment under any name
    return Files.exists(dir.resolve("pyvenv.cfg")) || Files.isDirectory(dir.resolve("conda-meta"));
  }

  private boolean isSource(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".py") || (config.notebooks() && name.endsWith(".ipynb"));
  }

  private void add(Path file, String projectPath) throws IOException {
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      warnings.add(new AnalysisWarning(relative(file), "broken link, skipped"));
      return;
    }
    boolean link = !real.equals(file.toAbsolutePath().normalize());
    if (!files.containsKey(real) || (viaLink.contains(real) && !link)) {
      files.put(real, new SourceFile(real, relative(file), projectPath, file.getFileName().toString().endsWith(".ipynb")));
      if (link) {
        viaLink.add(real);
      } else {
        viaLink.remove(real);
      }
    }
  }

  private String relative(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.startsWith(config.baseDir())) {
      return slashes(config.baseDir().relativize(absolute));
    }
    return slashes(absolute);
  }

  static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }

  private static IgnoreRules read(Path file) throws IOException {
    return IgnoreRules.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList());
  }
}
