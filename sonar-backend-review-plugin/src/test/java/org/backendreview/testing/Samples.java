/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locations of the sample files under {@code src/test/resources/checks}. */
public final class Samples {

  public static final Path ROOT = Path.of("src/test/resources/checks");

  private Samples() {
  }

  /** A single sample file, relative to {@code src/test/resources/checks}. */
  public static String file(String relative) {
    return ROOT.resolve(relative).toString();
  }

  /** Every {@code .py} file under a sample directory (a small multi-module project), sorted. */
  public static List<String> project(String relativeDir) {
    try (Stream<Path> files = Files.walk(ROOT.resolve(relativeDir))) {
      return files.filter(p -> p.toString().endsWith(".py")).map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
