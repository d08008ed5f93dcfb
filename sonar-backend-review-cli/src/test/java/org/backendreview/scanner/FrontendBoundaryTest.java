/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SonarPython's internals (not its public API) are used by one adapter only, so a frontend upgrade touches one class. */
class FrontendBoundaryTest {

  private static final Pattern INTERNAL = Pattern.compile(
    "(?m)^import (static )?(org\\.sonar\\.python\\.|org\\.sonar\\.plugins\\.python\\.(?!api\\.)[A-Z])");

  @Test
  void only_the_frontend_adapter_imports_sonar_python_internals() throws IOException {
    Path sources = Path.of("src/main/java");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(sources)) {
      offenders = files.filter(f -> f.toString().endsWith(".java"))
        .filter(f -> !f.getFileName().toString().equals("Frontend.java"))
        .filter(f -> INTERNAL.matcher(read(f)).find())
        .map(f -> sources.relativize(f).toString())
        .toList();
    }
    assertThat(offenders).isEmpty();
    assertThat(read(sources.resolve("org/backendreview/scanner/Frontend.java"))).containsPattern(INTERNAL);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
