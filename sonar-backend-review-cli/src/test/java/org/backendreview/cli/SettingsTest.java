/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one precedence rule: the command line over pyproject.toml over the defaults, for every shape of setting. */
class SettingsTest {

  @TempDir
  Path dir;

  private Settings settings(String toml, String... args) throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path file = project.resolve("pyproject.toml");
    Files.writeString(file, "[tool.backend-review]\n" + toml);
    return new Settings(Options.parse(args).values, dir.resolve("cwd"), PyprojectConfig.read(file, true).orElseThrow());
  }

  @Test
  void defaults_when_neither_source_gives_a_value() throws IOException {
    Settings settings = settings("");
    assertThat(settings.on(Setting.GITIGNORE)).isTrue();
    assertThat(settings.on(Setting.NOTEBOOKS)).isFalse();
    assertThat(settings.<Options.Format>value(Setting.FORMAT)).isEqualTo(Options.Format.TEXT);
    assertThat(settings.<String>value(Setting.FAIL_ON)).isEqualTo("INFO");
    assertThat(settings.<Integer>value(Setting.THREADS)).isNull();
    assertThat(settings.list(Setting.TESTS)).isEmpty();
    assertThat(settings.path(Setting.BASELINE)).isNull();
    assertThat(settings.rules().description()).isEqualTo("the \"Backend Review way\" profile");
  }

  @Test
  void the_file_over_the_defaults() throws IOException {
    Settings settings = settings("""
      rules = "all"
      gitignore = false
      format = "json"
      fail-on = "high"
      threads = 3
      max-file-size = "1MB"
      tests = ["t/**"]
      exclude = "a,b"
      package-roots = ["src"]
      baseline = "base.json"
      python-version = "3.12"
      [tool.backend-review.params]
      "R.p" = 1
      [tool.backend-review.params.S]
      q = true
      """);
    assertThat(settings.rules().all()).isTrue();
    assertThat(settings.on(Setting.GITIGNORE)).isFalse();
    assertThat(settings.<Options.Format>value(Setting.FORMAT)).isEqualTo(Options.Format.JSON);
    assertThat(settings.<String>value(Setting.FAIL_ON)).isEqualTo("HIGH");
    assertThat(settings.<Integer>value(Setting.THREADS)).isEqualTo(3);
    assertThat(settings.<Long>value(Setting.MAX_FILE_SIZE)).isEqualTo(1024L * 1024);
    assertThat(settings.list(Setting.TESTS)).containsExactly("t/**");
    assertThat(settings.list(Setting.EXCLUDE)).containsExactly("a", "b");
    // paths of the file are relative to its directory
    assertThat(settings.paths(Setting.PACKAGE_ROOTS)).containsExactly(dir.resolve("project/src"));
    assertThat(settings.path(Setting.BASELINE)).isEqualTo(dir.resolve("project/base.json"));
    assertThat(settings.list(Setting.PYTHON_VERSION)).containsExactly("3.12");
    assertThat(settings.map(Setting.PARAMS)).containsEntry("R.p", "1").containsEntry("S.q", "true");
  }

  @Test
  void the_command_line_over_the_file() throws IOException {
    Settings settings = settings("""
      rules = ["A"]
      disable = ["D1"]
      gitignore = true
      notebooks = false
      format = "json"
      threads = 3
      tests = ["t/**"]
      exclude = ["a"]
      package-roots = ["src"]
      baseline = "base.json"
      [tool.backend-review.params]
      "R.p" = "file"
      "R.q" = "file"
      """, "--all", "--disable", "D2", "--no-gitignore", "--notebooks", "-f", "sarif", "-j", "1", "--tests", "u/**", "-e", "b",
      "--package-root", "lib", "--baseline", "cli.json", "-p", "R.p=cli");
    // switches and values: the command line's
    assertThat(settings.rules().all()).isTrue();
    assertThat(settings.rules().description()).isEqualTo("all rules");
    assertThat(settings.on(Setting.GITIGNORE)).isFalse();
    assertThat(settings.on(Setting.NOTEBOOKS)).isTrue();
    assertThat(settings.<Options.Format>value(Setting.FORMAT)).isEqualTo(Options.Format.SARIF);
    assertThat(settings.<Integer>value(Setting.THREADS)).isEqualTo(1);
    assertThat(settings.path(Setting.BASELINE)).isEqualTo(dir.resolve("cwd/cli.json"));
    // replacing lists: the command line's; combining lists: the file's then the command line's, each relative to its source
    assertThat(settings.list(Setting.TESTS)).containsExactly("u/**");
    assertThat(settings.list(Setting.EXCLUDE)).containsExactly("a", "b");
    assertThat(settings.list(Setting.DISABLE)).containsExactly("D1", "D2");
    assertThat(settings.paths(Setting.PACKAGE_ROOTS)).containsExactly(dir.resolve("project/src"), dir.resolve("cwd/lib"));
    // maps: both, the command line wins per key
    assertThat(settings.map(Setting.PARAMS)).containsEntry("R.p", "cli").containsEntry("R.q", "file");
  }

  @Test
  void rules_of_the_file_only_when_the_command_line_names_none() throws IOException {
    assertThat(settings("rules = [\"A\", \"B\"]").rules().keys()).containsExactly("A", "B");
    assertThat(settings("rules = [\"A\", \"B\"]").rules().description()).isEqualTo("rules of pyproject.toml");
    assertThat(settings("rules = [\"A\"]", "-r", "C").rules().keys()).containsExactly("C");
    assertThat(settings("rules = \"all\"", "-r", "C").rules().all()).isFalse();
  }

  @Test
  void bad_values_in_the_file() {
    assertThatThrownBy(() -> settings("strict = \"yes\"")).hasMessageEndingWith("\"strict\" in [tool.backend-review] must be true or false");
    assertThatThrownBy(() -> settings("threads = 0")).hasMessageEndingWith("\"threads\" in [tool.backend-review] must be a positive integer");
    assertThatThrownBy(() -> settings("format = 3")).hasMessageEndingWith("\"format\" in [tool.backend-review] must be a string");
    assertThatThrownBy(() -> settings("format = \"xml\"")).hasMessageStartingWith("Unknown format \"xml\"");
    assertThatThrownBy(() -> settings("fail-on = \"severe\"")).hasMessageStartingWith("Unknown severity \"severe\"");
    assertThatThrownBy(() -> settings("python-version = \"2.7\"")).hasMessage("Unknown Python version \"2.7\": use e.g. 3.12");
    assertThatThrownBy(() -> settings("tests = {a = 1}")).hasMessageEndingWith("\"tests\" in [tool.backend-review] must be a string or a list of strings");
    assertThatThrownBy(() -> settings("params = 1")).hasMessageContaining("\"params\" in [tool.backend-review] must be a table");
    assertThatThrownBy(() -> settings("output = \"x\"")).hasMessageContaining("unknown key \"output\"");
  }

  @Test
  void every_setting_is_reachable_from_the_command_line_and_file_keys_are_unique() {
    for (Setting setting : Setting.values()) {
      assertThat(!setting.flags.isEmpty() || setting.key != null).as(setting.name()).isTrue();
      setting.flags.forEach(flag -> assertThat(Setting.byFlag()).containsEntry(flag.name(), setting));
      if (setting.key != null) {
        assertThat(Setting.byKey()).containsEntry(setting.key, setting);
      }
    }
  }
}
