/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MultipleWritesWithoutTransactionCheckTest {

  @Test
  void views_writing_twice_when_atomic_requests_is_off() {
    CheckVerifier.verify(Samples.project("transactions/multipleWritesWithoutTransaction"), new MultipleWritesWithoutTransactionCheck());
  }

  @Test
  void silent_when_atomic_requests_is_unknown(@TempDir Path project) throws IOException {
    // the same views in a project without settings: ATOMIC_REQUESTS may be on
    Path sample = Path.of(Samples.file("transactions/multipleWritesWithoutTransaction/shop"));
    Files.createDirectories(project.resolve("shop"));
    List<String> copies = new ArrayList<>();
    try (Stream<Path> files = Files.list(sample)) {
      for (Path file : files.toList()) {
        Path copy = project.resolve("shop").resolve(file.getFileName().toString());
        Files.copy(file, copy);
        copies.add(copy.toString());
      }
    }
    assertThat(CheckVerifier.issues(copies, new MultipleWritesWithoutTransactionCheck())).isEmpty();
  }
}
