/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The sample Django + DRF + FastAPI project of the tests and the README, and temporary projects for tests. */
public final class SampleProject {

  public static final Path DIR = Path.of("src/test/resources/sample-project").toAbsolutePath();
  /** The rules of the plugin when the scanner was written: their findings on the sample are pinned by the tests. */
  public static final Set<String> PINNED_RULES = Set.of("AllowedHostsWildcard", "FailOpenSettingsDefault", "IrreversibleDataMigration",
    "ReadModifyWriteWithoutF", "DuplicateModuleConstant");

  private SampleProject() {
  }

  /** A copy of the sample project under {@code target}, to be modified by a test. */
  public static Path copyTo(Path target) {
    return copy(DIR, target);
  }

  /** A copy of the directory {@code source} under {@code target}. */
  public static Path copy(Path source, Path target) {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, String... lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void replace(Path file, String from, String to) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      if (!content.contains(from)) {
        throw new IllegalArgumentException(file + " does not contain " + from);
      }
      Files.writeString(file, content.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "rule file:line message" of each finding, for assertions. */
  public static List<String> describe(List<Finding> findings) {
    return findings.stream().map(f -> f.ruleKey() + " " + f.file() + ":" + f.line() + " " + f.message()).toList();
  }

  /** "rule file:line" of each finding. */
  public static List<String> locations(List<Finding> findings) {
    return findings.stream().map(f -> f.ruleKey() + " " + f.file() + ":" + f.line()).toList();
  }
}
