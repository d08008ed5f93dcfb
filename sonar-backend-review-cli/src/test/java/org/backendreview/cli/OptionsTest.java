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
    assertThat(Options.parse("--list-rules", "--format", "json").format).isEqualTo(Options.Format.JSON);
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
    assertThat(options.rules).containsExactly("A", "B", "C");
    assertThat(options.all).isTrue();
    assertThat(options.disabled).containsExactly("D");
    assertThat(options.params).containsEntry("A.x", "1=2").containsEntry("B.y", " z");
    assertThat(options.excludes).containsExactly("legacy/**", "a", "b");
    assertThat(options.gitignore).isFalse();
    assertThat(options.defaultExcludes).isFalse();
    assertThat(options.tests).containsExactly("tests/**");
    assertThat(options.packageRoots).containsExactly(Path.of("src"));
    assertThat(options.notebooks).isTrue();
    assertThat(options.pythonVersions).containsExactly("3.11", "3.12");
    assertThat(options.format).isEqualTo(Options.Format.SARIF);
    assertThat(options.output).isEqualTo(Path.of("out.sarif"));
    assertThat(options.baseline).isEqualTo(Path.of("b.json"));
    assertThat(options.writeBaseline).isEqualTo(Path.of("w.json"));
    assertThat(options.failOn).isEqualTo("HIGH");
    assertThat(options.strict).isTrue();
    assertThat(options.quiet).isTrue();
    assertThat(options.verbose).isTrue();
    assertThat(options.color).isEqualTo(Options.Color.ALWAYS);
    assertThat(options.threads).isEqualTo(3);
    assertThat(options.config).isEqualTo(Path.of("pyproject.toml"));
    assertThat(options.noConfig).isTrue();
    assertThat(options.baseDir).isEqualTo(Path.of("/x"));
    assertThat(options.maxFileSize).isEqualTo(2L * 1024 * 1024);
    assertThat(options.paths).containsExactly(Path.of("."), Path.of("--weird-file.py"));
  }

  @Test
  void fail_on_values() {
    assertThat(Options.parse("--fail-on", "none").failOn).isEmpty();
    assertThat(Options.parse("--fail-on", "major").failOn).isEqualTo("MEDIUM");
    assertThat(Options.parse("--fail-on", "Blocker").failOn).isEqualTo("BLOCKER");
    assertThat(Options.parse("--fail-on", "info").failOn).isEqualTo("INFO");
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
