/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.Parser;
import org.sonar.plugins.python.api.PythonFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.FileInput;

/**
 * Reads other modules of the project, on the public API only, to learn what the frontend's types do not carry (the kind
 * of a model field, a serializer's declared fields, a task's decorators).
 * <p>
 * <b>Design.</b> The frontend resolves a class or function imported from another module to a {@code ClassType} /
 * {@code FunctionType} whose {@code definitionLocation()} names the defining file by its id: the
 * {@code PythonFile.key()} of that file. That id is turned into a path:
 * <ul>
 *   <li>SonarQube: the key is {@code <projectKey>:<project-relative path>}; the analysed file's own key and
 *   {@code uri()} give the project base directory, to which the other file's relative path is appended;</li>
 *   <li>SonarQube for IDE: the key is the file's URI ({@code file:///...});</li>
 *   <li>unit tests and the standalone runner: an absolute path.</li>
 * </ul>
 * The file is read from disk and parsed once with {@link Parser} (no types), summarised into a {@link ModuleSummary}
 * (plain data), and the summary is cached for the whole analysis in a {@link AnalysisCache#project project cache}, keyed
 * by path and validated by size and modification time (so a long-lived SonarLint process sees edits). The analysed file
 * itself is summarised from its own tree by its {@link AnalysisContext}, never re-read.
 * <p>
 * <b>Limits.</b> Everything degrades to "unknown": no definition location (SonarLint disables the project table above
 * its size limit; classes from libraries), a key that does not map to a readable {@code .py} file (non-file URIs,
 * remote workspaces), files above {@value #MAX_FILE_BYTES} bytes, syntax errors (Python 2), unreadable files. Callers
 * must treat an empty result as "do not know" and stay silent. Facts are read from disk, so an unsaved editor buffer of
 * another file is seen as last saved.
 */
public final class ModuleSources {

  static final long MAX_FILE_BYTES = 2_000_000;
  static final int MAX_ENTRIES = 4_000;

  private static final AnalysisCache.ProjectCache<Path, Entry> CACHE = AnalysisCache.project(MAX_ENTRIES);
  private static final AtomicLong PARSES = new AtomicLong();
  private static final AtomicLong PARSE_NANOS = new AtomicLong();
  private static final AtomicLong LOOKUPS = new AtomicLong();

  private record Entry(long size, long modified, Optional<ModuleSummary> summary) {
  }

  private ModuleSources() {
  }

  /** The summary of the module defining something at this location, or empty when it cannot be read. */
  public static Optional<ModuleSummary> summaryAt(LocationInFile location, SubscriptionContext ctx) {
    if (location == null || location.fileId() == null) {
      return Optional.empty();
    }
    PythonFile current = ctx.pythonFile();
    if (location.fileId().equals(current.key())) {
      return current(ctx);
    }
    return pathOf(location.fileId(), current).flatMap(path -> read(path, location.fileId()));
  }

  /** The summary of the file being analysed, computed once from its tree (its {@link AnalysisContext}'s). */
  public static Optional<ModuleSummary> current(SubscriptionContext ctx) {
    return Optional.of(AnalysisContext.of(ctx).summary());
  }

  /** The summary of the module at this path (a sibling file found on disk), or empty when it cannot be read. */
  public static Optional<ModuleSummary> summaryOf(Path path) {
    return read(path, path.toString());
  }

  /**
   * The summary of a module imported by {@code from} ({@code app.database}, or {@code .database} relative to it):
   * relative names from {@code from}'s package, absolute ones from the nearest directory above {@code from} holding the
   * module ({@code <dir>/app/database.py} or {@code <dir>/app/database/__init__.py}); empty when none can be read.
   */
  public static Optional<ModuleSummary> summaryOfModule(String module, ModuleSummary from, SubscriptionContext ctx) {
    PythonFile current = ctx.pythonFile();
    Optional<Path> fromPath = from.fileId().equals(current.key()) ? directoryOf(current).map(d -> d.resolve("x.py"))
      : pathOf(from.fileId(), current);
    if (fromPath.isEmpty() || module.isEmpty()) {
      return Optional.empty();
    }
    int dots = 0;
    while (dots < module.length() && module.charAt(dots) == '.') {
      dots++;
    }
    String relative = module.substring(dots).replace('.', '/');
    Path directory = fromPath.get().getParent();
    if (dots > 0) {
      for (int i = 1; i < dots && directory != null; i++) {
        directory = directory.getParent();
      }
      return directory == null || relative.isEmpty() ? Optional.empty() : moduleIn(directory, relative);
    }
    for (int depth = 0; directory != null && depth < MAX_PACKAGE_DEPTH; depth++, directory = directory.getParent()) {
      Optional<ModuleSummary> found = moduleIn(directory, relative);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static final int MAX_PACKAGE_DEPTH = 6;

  private static Optional<ModuleSummary> moduleIn(Path directory, String relative) {
    for (Path candidate : List.of(directory.resolve(relative + ".py"), directory.resolve(relative).resolve("__init__.py"))) {
      if (Files.isRegularFile(candidate)) {
        return summaryOf(candidate);
      }
      // a module created there later changes the answer
      FileReads.note(candidate);
    }
    return Optional.empty();
  }

  /** The directory of a file analysed from disk ({@code file:} URI), or empty (an editor buffer, another scheme). */
  public static Optional<Path> directoryOf(PythonFile file) {
    URI uri = file.uri();
    if (uri == null || !"file".equals(uri.getScheme())) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Path.of(uri).getParent());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The path of the file with this id (see the class comment), or empty when it does not map to a regular {@code .py}
   * file.
   */
  static Optional<Path> pathOf(String fileId, PythonFile current) {
    try {
      Path path = rawPathOf(fileId, current);
      if (path != null && path.getFileName() != null && path.getFileName().toString().endsWith(".py") && Files.isRegularFile(path)) {
        return Optional.of(path);
      }
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException | SecurityException e) {
      // not a local file: unknown
    }
    return Optional.empty();
  }

  private static Path rawPathOf(String fileId, PythonFile current) {
    if (fileId.startsWith("file:")) {
      return Path.of(URI.create(fileId));
    }
    if (fileId.startsWith("/") || fileId.matches("^[A-Za-z]:[\\\\/].*")) {
      return Path.of(fileId);
    }
    URI uri = current.uri();
    String key = current.key();
    if (uri == null || key == null || !"file".equals(uri.getScheme())) {
      return null;
    }
    String currentPath = Path.of(uri).toString().replace('\\', '/');
    for (int colon = key.indexOf(':'); colon >= 0; colon = key.indexOf(':', colon + 1)) {
      String relative = key.substring(colon + 1);
      if (!relative.isEmpty() && currentPath.endsWith("/" + relative)) {
        String prefix = key.substring(0, colon + 1);
        if (!fileId.startsWith(prefix)) {
          return null;
        }
        String base = currentPath.substring(0, currentPath.length() - relative.length());
        return Path.of(base + fileId.substring(prefix.length())).normalize();
      }
    }
    return null;
  }

  private static Optional<ModuleSummary> read(Path path, String fileId) {
    LOOKUPS.incrementAndGet();
    FileReads.note(path);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().toMillis();
    Entry entry = CACHE.get(path, cached -> cached.size() == size && cached.modified() == modified,
      p -> new Entry(size, modified, size > MAX_FILE_BYTES ? Optional.empty() : parse(p, fileId)));
    return entry.summary();
  }

  private static Optional<ModuleSummary> parse(Path path, String fileId) {
    long start = System.nanoTime();
    try {
      byte[] bytes = Files.readAllBytes(path);
      String text = decode(bytes);
      FileInput tree = new Parser().parse(text);
      return Optional.of(ModuleSummary.of(tree, fileId));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // unreadable, not python 3, or too deeply nested: unknown
      return Optional.empty();
    } finally {
      PARSES.incrementAndGet();
      PARSE_NANOS.addAndGet(System.nanoTime() - start);
    }
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** Counters since the JVM started: {@code parses}, {@code parseMillis}, {@code lookups} (for cost measurements). */
  public static Map<String, Long> statistics() {
    return Map.of("parses", PARSES.get(), "parseMillis", PARSE_NANOS.get() / 1_000_000, "lookups", LOOKUPS.get(), "cached", (long) CACHE.size());
  }

  /** Forgets every cached summary (tests). */
  static void clear() {
    CACHE.clear();
    AnalysisCache.clearFiles();
  }
}
