/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The IT JVMs run with {@code -Djava.io.tmpdir=its/target/its-tmp} (pom): sonarlint-core's test harness creates its
 * storage (downloaded plugins, ~20 MB per backend), work and user-home directories there and never deletes them. This
 * listener empties the directory when a test run starts, so nothing piles up in /tmp or across runs.
 */
public final class ItsTempDir implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String configured = System.getProperty("java.io.tmpdir");
    if (configured == null || !configured.endsWith("its-tmp")) {
      return;
    }
    Path dir = Path.of(configured);
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare " + dir, e);
    }
  }
}
