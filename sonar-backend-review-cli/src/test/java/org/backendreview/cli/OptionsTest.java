/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

  @Test
  void scan_is_the_default_command() {
    Options options = Options.parse("src", "tests");
    assertThat(options.command).isEqualTo(Options.Command.SCAN);
    assertThat(options.paths).containsExactly(Path.of("src"), Path.of("tests"));
    assertThat(Options.parse("scan").paths).isEmpty();
    assertThat(Options.parse("rules").command).isEqualTo(Options.Command.LIST_RULES);
    assertThat(Options.parse("--list-rules", "--format", "json").<Options.Format>get(Setting.FORMAT)).isEqualTo(Options.Format.JSON);
    assertThat(Options.parse("--help").command).isEqualTo(Options.Command.HELP);
    assertThat(Options.parse("-V").command).isEqualTo(Options.Command.VERSION);
  }

  @Test
  void all_options() {
    Options options = Options.parse("scan", ".", "--rules", "A,B", "-r", "C", "--all", "--disable=D", "-p", "A.x=1=2", "--param", "B.y= z",
      "-e", "legacy/**", "--exclude", "a,b", "--no-gitignore", "--no-default-excludes", "--tests", "tests/**", "--package-root", "src",
      "--notebooks", "--python-version", "3.11,3.12", "-f", "SARIF", "-o", "out.sarif", "--baseline", "b.json", "--write-baseline", "w.json",
      "--fail-on", "critical", "--strict", "-q", "-v", "--color", "always", "-j", "3", "-c", "pyproject.toml", "--no-config",
      "--base-dir", "/x", "--max-file-size", "2MB", "--", "--weird-file.py");
    Settings settings = new Settings(options.values, Path.of("/work"), null);
    assertThat(settings.rules().keys()).containsExactly("A", "B", "C");
    assertThat(options.<Boolean>get(Setting.ALL)).isTrue();
    assertThat(settings.list(Setting.DISABLE)).containsExactly("D");
    assertThat(settings.map(Setting.PARAMS)).containsEntry("A.x", "1=2").containsEntry("B.y", " z");
    assertThat(settings.list(Setting.EXCLUDE)).containsExactly("legacy/**", "a", "b");
    assertThat(settings.on(Setting.GITIGNORE)).isFalse();
    assertThat(settings.on(Setting.DEFAULT_EXCLUDES)).isFalse();
    assertThat(settings.list(Setting.TESTS)).containsExactly("tests/**");
    assertThat(settings.paths(Setting.PACKAGE_ROOTS)).containsExactly(Path.of("/work/src"));
    assertThat(settings.on(Setting.NOTEBOOKS)).isTrue();
    assertThat(settings.list(Setting.PYTHON_VERSION)).containsExactly("3.11", "3.12");
    assertThat(settings.<Options.Format>value(Setting.FORMAT)).isEqualTo(Options.Format.SARIF);
    assertThat(settings.path(Setting.OUTPUT)).isEqualTo(Path.of("/work/out.sarif"));
    assertThat(settings.path(Setting.BASELINE)).isEqualTo(Path.of("/work/b.json"));
    assertThat(settings.path(Setting.WRITE_BASELINE)).isEqualTo(Path.of("/work/w.json"));
    assertThat(settings.<String>value(Setting.FAIL_ON)).isEqualTo("HIGH");
    assertThat(settings.on(Setting.STRICT)).isTrue();
    assertThat(settings.on(Setting.QUIET)).isTrue();
    assertThat(settings.on(Setting.VERBOSE)).isTrue();
    assertThat(settings.<Options.Color>value(Setting.COLOR)).isEqualTo(Options.Color.ALWAYS);
    assertThat(settings.<Integer>value(Setting.THREADS)).isEqualTo(3);
    assertThat(settings.path(Setting.CONFIG)).isEqualTo(Path.of("/work/pyproject.toml"));
    assertThat(settings.on(Setting.NO_CONFIG)).isTrue();
    assertThat(settings.path(Setting.BASE_DIR)).isEqualTo(Path.of("/x"));
    assertThat(settings.<Long>value(Setting.MAX_FILE_SIZE)).isEqualTo(2L * 1024 * 1024);
    assertThat(options.paths).containsExactly(Path.of("."), Path.of("--weird-file.py"));
  }

  @Test
  void fail_on_values() {
    assertThat(Options.parse("--fail-on", "none").<String>get(Setting.FAIL_ON)).isEmpty();
    assertThat(Options.parse("--fail-on", "major").<String>get(Setting.FAIL_ON)).isEqualTo("MEDIUM");
    assertThat(Options.parse("--fail-on", "Blocker").<String>get(Setting.FAIL_ON)).isEqualTo("BLOCKER");
    assertThat(Options.parse("--fail-on", "info").<String>get(Setting.FAIL_ON)).isEqualTo("INFO");
  }

  @Test
  void usage_errors() {
    assertThatThrownBy(() -> Options.parse("--nope")).isInstanceOf(UsageException.class).hasMessage("Unknown option --nope (see --help)");
    assertThatThrownBy(() -> Options.parse("--rules")).hasMessage("Option --rules needs a value");
    assertThatThrownBy(() -> Options.parse("--all=yes")).hasMessage("Option --all takes no value");
    assertThatThrownBy(() -> Options.parse("--format", "xml")).hasMessageStartingWith("Unknown format \"xml\"");
    assertThatThrownBy(() -> Options.parse("--fail-on", "severe")).hasMessageStartingWith("Unknown severity \"severe\"");
    assertThatThrownBy(() -> Options.parse("--param", "novalue")).hasMessageStartingWith("--param expects RuleKey.parameter=value");
    assertThatThrownBy(() -> Options.parse("-j", "0")).hasMessage("-j expects a positive number, not \"0\"");
    assertThatThrownBy(() -> Options.parse("--color", "pink")).hasMessageStartingWith("--color expects auto, always or never");
    assertThatThrownBy(() -> Options.parse("--max-file-size", "big")).hasMessageStartingWith("--max-file-size expects a size");
  }
}
