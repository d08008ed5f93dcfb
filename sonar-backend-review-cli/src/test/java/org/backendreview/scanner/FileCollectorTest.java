/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.backendreview.scanner.SampleProject.write;

class FileCollectorTest {

  @TempDir
  Path dir;

  private List<String> collect(ScanConfig.Builder builder) {
    return FileCollector.collect(builder.baseDir(dir).build()).files().stream().map(SourceFile::relativePath).toList();
  }

  @Test
  void finds_python_files_and_skips_default_directories() throws Exception {
    write(dir.resolve("app/views.py"), "x = 1");
    write(dir.resolve("app/README.md"), "# no");
    write(dir.resolve("node_modules/pkg/script.py"), "x = 1");
    write(dir.resolve(".venv/lib/site.py"), "x = 1");
    write(dir.resolve("env/pyvenv.cfg"), "home = /usr/bin");
    write(dir.resolve("env/lib/python3.12/os.py"), "x = 1");
    write(dir.resolve("conda/conda-meta/history"), "");
    write(dir.resolve("conda/lib/x.py"), "x = 1");
    write(dir.resolve("build/lib/app/views.py"), "x = 1");
    write(dir.resolve("dist/x.py"), "x = 1");
    write(dir.resolve("tools/build/__init__.py"), "");
    write(dir.resolve("tools/build/steps.py"), "x = 1");
    write(dir.resolve(".tox/py312/x.py"), "x = 1");
    write(dir.resolve(".git/hooks/x.py"), "x = 1");
    write(dir.resolve("app/__pycache__/x.py"), "x = 1");
    write(dir.resolve("shop.egg-info/x.py"), "x = 1");
    write(dir.resolve("notebook.ipynb"), "{}");

    assertThat(collect(ScanConfig.builder(dir))).containsExactly("app/views.py", "tools/build/__init__.py", "tools/build/steps.py");
    assertThat(collect(ScanConfig.builder(dir).defaultExcludes(false))).contains("node_modules/pkg/script.py", "env/lib/python3.12/os.py",
      "build/lib/app/views.py", ".git/hooks/x.py");
    assertThat(collect(ScanConfig.builder(dir).notebooks(true))).contains("notebook.ipynb");
  }

  @Test
  void a_default_excluded_directory_given_as_path_is_scanned() {
    write(dir.resolve("build/gen.py"), "x = 1");
    assertThat(collect(ScanConfig.builder(dir.resolve("build")))).containsExactly("build/gen.py");
  }

  @Test
  void gitignore_files_apply_at_their_level_with_negation() {
    write(dir.resolve(".gitignore"), "generated/", "*_pb2.py", "!keep_pb2.py");
    write(dir.resolve("app/.gitignore"), "local_settings.py");
    write(dir.resolve("app/views.py"), "x = 1");
    write(dir.resolve("app/local_settings.py"), "x = 1");
    write(dir.resolve("local_settings.py"), "x = 1");
    write(dir.resolve("app/generated/models.py"), "x = 1");
    write(dir.resolve("app/api_pb2.py"), "x = 1");
    write(dir.resolve("app/keep_pb2.py"), "x = 1");

    assertThat(collect(ScanConfig.builder(dir))).containsExactly("app/keep_pb2.py", "app/views.py", "local_settings.py");
    assertThat(collect(ScanConfig.builder(dir).respectGitignore(false))).hasSize(6);
  }

  @Test
  void gitignore_of_the_repository_applies_when_a_subdirectory_is_scanned() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    write(dir.resolve(".gitignore"), "secret/");
    write(dir.resolve("src/app/secret/x.py"), "x = 1");
    write(dir.resolve("src/app/y.py"), "x = 1");
    assertThat(collect(ScanConfig.builder(dir.resolve("src")))).containsExactly("src/app/y.py");
  }

  @Test
  void gitignore_files_above_a_repository_root_do_not_apply() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    write(dir.resolve(".gitignore"), "*");
    Files.createDirectories(dir.resolve("project/.git"));
    write(dir.resolve("project/app.py"), "x = 1");
    assertThat(collect(ScanConfig.builder(dir.resolve("project")))).containsExactly("project/app.py");
  }

  @Test
  void exclude_patterns_are_relative_to_the_base_directory() {
    write(dir.resolve("legacy/old.py"), "x = 1");
    write(dir.resolve("shop/migrations/0001_initial.py"), "x = 1");
    write(dir.resolve("shop/models.py"), "x = 1");
    assertThat(collect(ScanConfig.builder(dir).exclude("legacy").exclude("**/migrations/*.py"))).containsExactly("shop/models.py");
  }

  @Test
  void explicit_files_are_analysed_unless_excluded() {
    write(dir.resolve("build/x.py"), "x = 1");
    write(dir.resolve("notes.txt"), "x");
    FileCollector.Result result = FileCollector.collect(ScanConfig.builder(dir.resolve("build/x.py"), dir.resolve("notes.txt")).baseDir(dir).build());
    assertThat(result.files()).extracting(SourceFile::relativePath).containsExactly("build/x.py");
    assertThat(result.files()).extracting(SourceFile::projectPath).containsExactly("x.py");
    assertThat(result.warnings()).extracting(AnalysisWarning::toString).containsExactly("notes.txt: not a Python file (.py), skipped");
    assertThat(collect(ScanConfig.builder(dir.resolve("build/x.py")).exclude("build/"))).isEmpty();
  }

  @Test
  void the_same_file_reached_twice_is_analysed_once() throws Exception {
    write(dir.resolve("app/views.py"), "x = 1");
    Files.createSymbolicLink(dir.resolve("link.py"), dir.resolve("app/views.py"));
    assertThat(collect(ScanConfig.builder(dir, dir.resolve("app")))).containsExactly("app/views.py");
  }

  @Test
  void a_scan_path_that_is_a_symbolic_link_to_a_directory_is_followed() throws Exception {
    write(dir.resolve("real/pkg/views.py"), "x = 1");
    write(dir.resolve("real/pkg/build/gen.py"), "x = 1");
    write(dir.resolve("elsewhere/other.py"), "x = 1");
    Files.createDirectories(dir.resolve("src"));
    Files.createSymbolicLink(dir.resolve("src/pkg"), dir.resolve("real/pkg"));
    Files.createSymbolicLink(dir.resolve("real/pkg/linked"), dir.resolve("elsewhere"));
    // the link given as the path is followed; the default excludes and the links inside the tree behave as always
    assertThat(collect(ScanConfig.builder(dir.resolve("src/pkg")))).containsExactly("src/pkg/views.py");
  }

  @Test
  void missing_path_is_an_error() {
    assertThatThrownBy(() -> collect(ScanConfig.builder(dir.resolve("nope")))).isInstanceOf(IllegalArgumentException.class)
      .hasMessageContaining("Path not found");
  }
}
