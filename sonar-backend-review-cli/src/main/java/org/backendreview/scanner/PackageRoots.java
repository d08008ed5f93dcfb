/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Package names of the files, computed like SonarPython does from package roots: a module {@code shop/models.py}
 * under the root {@code /project} is in package {@code shop}, so {@code from shop.models import Order} in
 * {@code api/views.py} resolves to it.
 * <p>
 * Configured roots win (like {@code sonar.sources}). Otherwise a file inside a package ({@code __init__.py}
 * directories) is named from the parent of its outermost package; a file outside any package from SonarPython's
 * fallback chain: the conventional {@code src} or {@code lib} directory, the base directory, the scan path, whichever
 * is deepest and contains it.
 */
final class PackageRoots {

  private final List<String> configured;
  private final List<String> fallback;

  private PackageRoots(List<String> configured, List<String> fallback) {
    this.configured = configured;
    this.fallback = fallback;
  }

  static PackageRoots of(ScanConfig config) {
    if (!config.packageRoots().isEmpty()) {
      Set<Path> roots = new LinkedHashSet<>();
      config.packageRoots().forEach(r -> roots.add(real(config.baseDir().resolve(r))));
      return new PackageRoots(sorted(roots), List.of());
    }
    Set<Path> roots = new LinkedHashSet<>();
    Path base = real(config.baseDir());
    for (String conventional : List.of("src", "lib")) {
      if (Files.isDirectory(base.resolve(conventional))) {
        roots.add(base.resolve(conventional));
      }
    }
    roots.add(base);
    for (Path path : config.paths()) {
      Path absolute = real(config.baseDir().resolve(path));
      roots.add(Files.isDirectory(absolute) ? absolute : absolute.getParent());
    }
    return new PackageRoots(List.of(), sorted(roots));
  }

  /** The dotted package name of the file ({@code ""} at a root). */
  String packageName(SourceFile file) {
    if (!configured.isEmpty()) {
      return Frontend.packageName(file.path().toFile(), configured);
    }
    Path dir = file.path().getParent();
    if (dir != null && Files.exists(dir.resolve("__init__.py"))) {
      Path top = dir;
      while (top.getParent() != null && Files.exists(top.getParent().resolve("__init__.py"))) {
        top = top.getParent();
      }
      if (top.getParent() != null) {
        return Frontend.packageName(file.path().toFile(), List.of(top.getParent().toString()));
      }
    }
    return Frontend.packageName(file.path().toFile(), fallback);
  }

  private static List<String> sorted(Set<Path> roots) {
    return roots.stream()
      .sorted(Comparator.comparingInt(Path::getNameCount).reversed().thenComparing(Comparator.naturalOrder()))
      .map(Path::toString)
      .toList();
  }

  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
