/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.semantics.django.MigrationGraph;

/**
 * The code roles a project assigns itself in the {@code [tool.backend-review]} table of the nearest
 * {@code pyproject.toml} above a file (read from disk by the plugin, so SonarQube, SonarLint and the standalone scanner
 * agree):
 * <pre>
 * [tool.backend-review]
 * product = ["scripts/billing/**"]      # reviewed as product even where the defaults say otherwise
 * tooling = ["ops/**", "bin/*.py"]
 * not-code = ["rules/testdata/**"]
 * </pre>
 * Globs are relative to the {@code pyproject.toml}'s directory ({@code **} crosses directories; a leading
 * {@code **&#47;} also matches at the top). {@code product} wins over the others, {@code not-code} over {@code tooling};
 * an override wins over every default (including migration history). Only this small TOML subset is read: string or
 * string-list values of these three keys. Cached by file, validated by size and modification time.
 */
public final class RoleOverrides {

  static final String FILE_NAME = "pyproject.toml";
  private static final int MAX_DEPTH = 40;
  private static final Pattern HEADER = Pattern.compile("(?m)^\\s*\\[\\s*tool\\s*\\.\\s*[\"']?backend-review[\"']?\\s*\\]\\s*(?:#.*)?$");
  private static final Pattern NEXT_HEADER = Pattern.compile("(?m)^\\s*\\[[^\\]\\n\"']*[A-Za-z][^\\]\\n]*\\]\\s*(?:#.*)?$");
  private static final Pattern KEY = Pattern.compile("(?m)^\\s*[\"']?(product|tooling|not-code)[\"']?\\s*=\\s*");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'");
  private static final Map<Path, Entry> CACHE = new ConcurrentHashMap<>();

  static {
    AnalysisCache.registerProjectCache(CACHE::clear);
  }

  private record Entry(long size, long modified, Optional<RoleOverrides> overrides) {
  }

  private final Path directory;
  private final List<PathMatcher> product = new ArrayList<>();
  private final List<PathMatcher> tooling = new ArrayList<>();
  private final List<PathMatcher> notCode = new ArrayList<>();

  private RoleOverrides(Path directory) {
    this.directory = directory;
  }

  /** The overrides of the nearest {@code pyproject.toml} above the file that has them. */
  static Optional<RoleOverrides> nearest(Path file) {
    Path dir = file.getParent();
    for (int depth = 0; dir != null && depth < MAX_DEPTH; depth++, dir = dir.getParent()) {
      Optional<RoleOverrides> overrides = read(dir.resolve(FILE_NAME));
      if (overrides.isPresent()) {
        return overrides;
      }
    }
    return Optional.empty();
  }

  /** The role the overrides give the file, or empty when none of their globs matches it. */
  Optional<CodeRole> roleOf(Path file) {
    Path relative;
    try {
      relative = directory.relativize(file);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (matches(product, relative)) {
      return Optional.of(CodeRole.PRODUCT);
    }
    if (matches(notCode, relative)) {
      return Optional.of(CodeRole.NOT_CODE);
    }
    return matches(tooling, relative) ? Optional.of(CodeRole.TOOLING) : Optional.empty();
  }

  private static boolean matches(List<PathMatcher> matchers, Path relative) {
    return matchers.stream().anyMatch(m -> m.matches(relative));
  }

  private static Optional<RoleOverrides> read(Path pyproject) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(pyproject, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().toMillis();
    Entry cached = CACHE.get(pyproject);
    if (cached == null || cached.size() != size || cached.modified() != modified) {
      if (CACHE.size() > 1_000) {
        CACHE.clear();
      }
      cached = new Entry(size, modified, SiblingFiles.text(pyproject).flatMap(text -> parse(pyproject.getParent(), text)));
      CACHE.put(pyproject, cached);
    }
    return cached.overrides();
  }

  /** Reads the three keys of the {@code [tool.backend-review]} table; empty when the table has none of them. */
  static Optional<RoleOverrides> parse(Path directory, String text) {
    Matcher header = HEADER.matcher(text);
    if (!header.find()) {
      return Optional.empty();
    }
    int start = header.end();
    Matcher next = NEXT_HEADER.matcher(text);
    int end = next.find(start) ? next.start() : text.length();
    String table = text.substring(start, end);
    RoleOverrides overrides = new RoleOverrides(directory);
    boolean any = false;
    Matcher key = KEY.matcher(table);
    while (key.find()) {
      int valueStart = key.end();
      int valueEnd;
      if (valueStart < table.length() && table.charAt(valueStart) == '[') {
        valueEnd = MigrationGraph.closing(table, valueStart);
      } else {
        int eol = table.indexOf('\n', valueStart);
        valueEnd = eol < 0 ? table.length() : eol;
      }
      List<PathMatcher> target = switch (key.group(1)) {
        case "product" -> overrides.product;
        case "tooling" -> overrides.tooling;
        default -> overrides.notCode;
      };
      Matcher string = STRING.matcher(table.substring(valueStart, Math.min(valueEnd + 1, table.length())));
      while (string.find()) {
        String glob = string.group(1) != null ? string.group(1).replace("\\\\", "\\") : string.group(2);
        addGlob(target, glob);
        any = true;
      }
    }
    return any ? Optional.of(overrides) : Optional.empty();
  }

  private static void addGlob(List<PathMatcher> target, String glob) {
    String pattern = glob.startsWith("./") ? glob.substring(2) : glob;
    if (pattern.endsWith("/")) {
      pattern = pattern + "**";
    }
    try {
      target.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (pattern.startsWith("**/")) {
        target.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    } catch (IllegalArgumentException e) {
      // an invalid glob matches nothing
    }
  }
}
