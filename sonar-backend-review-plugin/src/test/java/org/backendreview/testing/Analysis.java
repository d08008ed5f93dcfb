/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Runs a probe on the nodes of a kind in code given as text, with a real subscription context (types, symbols,
 * values at location), for unit tests of {@code tree/} and {@code semantics/} helpers. Several files form one project.
 */
public final class Analysis {

  private Analysis() {
  }

  /** Analyses one file (written as {@code fileName} in a temp project) and calls the probe on every node of the kind. */
  public static void onEach(String fileName, String code, Tree.Kind kind, BiConsumer<Tree, SubscriptionContext> probe) {
    onEach(Map.of(fileName, code), fileName, kind, probe);
  }

  /**
   * Analyses all files as one project; calls the probe on nodes of the kind in {@code probedFile} only. File names may
   * contain directories ({@code shop/models.py}); add {@code __init__.py} entries to make packages.
   */
  public static void onEach(Map<String, String> files, String probedFile, Tree.Kind kind, BiConsumer<Tree, SubscriptionContext> probe) {
    Path root = null;
    try {
      root = Files.createTempDirectory("analysis");
      List<String> paths = new ArrayList<>();
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        paths.add(path.toString());
      }
      String probed = root.resolve(probedFile).toString();
      PythonProject.of(paths).scan(new PythonSubscriptionCheck() {
        @Override
        public void initialize(Context context) {
          context.registerSyntaxNodeConsumer(kind, ctx -> {
            if (ctx.pythonFile().uri().getPath().equals(probed)) {
              probe.accept(ctx.syntaxNode(), ctx);
            }
          });
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(root);
    }
  }

  private static void deleteTree(@Nullable Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
