/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project symbol table's digest (the findings cache's key) is the same whether each module's digest is computed
 * after the index step or reused from the index step and the index cache: the reuse is a shortcut, never another value.
 */
class FrontendDigestTest {

  private record Module(SourceFile file, String packageName, String content) {
  }

  private static List<Module> sampleModules() throws IOException {
    List<Module> modules = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SampleProject.DIR)) {
      for (Path path : files.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
        String relative = SampleProject.DIR.relativize(path).toString();
        SourceFile file = new SourceFile(path, relative, relative, false);
        modules.add(new Module(file, Frontend.packageName(path.toFile(), List.of(SampleProject.DIR.toString())),
          Files.readString(path, StandardCharsets.UTF_8)));
      }
    }
    return modules;
  }

  @Test
  void reused_module_digests_equal_computed_ones() throws IOException {
    List<Module> modules = sampleModules();
    assertThat(modules).hasSizeGreaterThan(10);
    // as in the index step: files sharing a module name, and URLconfs (Django views), are always parsed, never restored
    java.util.Map<String, Long> names = modules.stream()
      .collect(java.util.stream.Collectors.groupingBy(m -> Frontend.moduleName(m.packageName(), m.file()), java.util.stream.Collectors.counting()));
    java.util.function.Predicate<Module> alwaysParsed = m -> names.get(Frontend.moduleName(m.packageName(), m.file())) > 1
      || m.content().contains("path(");
    Frontend parsed = new Frontend();
    Frontend restored = new Frontend();
    for (Module module : modules) {
      parsed.addProjectPackage(module.packageName());
      restored.addProjectPackage(module.packageName());
    }
    List<Frontend.ModuleEntry> entries = new ArrayList<>();
    for (Module module : modules) {
      parsed.addModule(module.content(), module.packageName(), new LocalPythonFile(module.file(), module.content()));
      if (!alwaysParsed.test(module)) {
        parsed.moduleEntry(Frontend.moduleName(module.packageName(), module.file())).ifPresent(entries::add);
      }
    }
    assertThat(entries).hasSizeGreaterThan(10);
    for (Module module : modules) {
      if (alwaysParsed.test(module)) {
        restored.addModule(module.content(), module.packageName(), new LocalPythonFile(module.file(), module.content()));
      }
    }
    for (Frontend.ModuleEntry entry : entries) {
      restored.restoreModule(entry);
    }
    byte[] digest = parsed.symbolTableDigest(false);
    assertThat(parsed.symbolTableDigest(true)).isEqualTo(digest);
    assertThat(restored.symbolTableDigest(false)).isEqualTo(digest);
    assertThat(restored.symbolTableDigest(true)).isEqualTo(digest);

    // a module added again (merged or replaced in the table) is digested again, not from its old digest
    Module first = modules.stream().filter(m -> m.content().contains("class ")).findFirst().orElseThrow();
    String changed = first.content() + "\n\nclass AddedLater:\n    pass\n";
    restored.addModule(changed, first.packageName(), new LocalPythonFile(first.file(), changed));
    assertThat(restored.symbolTableDigest(true)).isEqualTo(restored.symbolTableDigest(false)).isNotEqualTo(digest);
  }
}
