/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Appends measured durations to {@code its/target/its-timings.txt} (CI prints it), one line each. */
public final class Timings {

  private Timings() {
  }

  public static synchronized void record(String what, long nanos) {
    String line = String.format("%s  %-60s %7.1f s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), what, nanos / 1e9);
    System.out.print("[its-timing] " + line);
    try {
      Path file = Its.targetDir().resolve("its-timings.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException | IllegalStateException e) {
      // timings are informative only
    }
  }
}
