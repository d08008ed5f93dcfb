/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.ruling;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.backendreview.its.common.Issue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulingSnapshotTest {

  private static final String REPORT = """
    {"findings": [
      {"rule": "AllowedHostsWildcard", "file": "usr/lib/python3/dist-packages/site/settings.py", "line": 3, "column": 17,
       "message": "Replace this \\"*\\".", "secondaryLocations": []}],
     "warnings": [{"file": "usr/lib/python3/dist-packages/old.py", "message": "syntax error at line 2, not analysed"},
                  {"file": "a.py", "message": "rule X failed on this file, its issues here are dropped (NPE)"}],
     "summary": {"files": 3, "lines": 40}}
    """;

  @Test
  void reads_the_cli_json_report() {
    Cli.Result result = Cli.parse(REPORT);
    assertThat(result.issues()).containsExactly(new Issue("usr/lib/python3/dist-packages/site/settings.py", 3, "AllowedHostsWildcard", "Replace this \"*\"."));
    assertThat(result.files()).isEqualTo(3);
    assertThat(result.lines()).isEqualTo(40);
    assertThat(result.analysisErrors()).containsExactly("a.py: rule X failed on this file, its issues here are dropped (NPE)");
  }

  @Test
  void snapshot_is_sorted_readable_and_versioned() {
    Cli.Result result = new Cli.Result(Set.of(new Issue("usr/lib/python3/dist-packages/b.py", 2, "R", "m2"), new Issue("a.py", 1, "R", "m1")),
      List.of("usr/lib/python3/dist-packages/old.py: syntax error at line 2, not analysed"), 3, 40);
    String snapshot = RulingIT.snapshot(new DebianPackage("python3-x", "1.0-1", Path.of("/tmp/x")), result);
    assertThat(snapshot.lines().filter(l -> !l.startsWith("#"))).containsExactly(
      "package python3-x 1.0-1",
      "a.py:1  R  m1",
      "b.py:2  R  m2",
      "warning old.py: syntax error at line 2, not analysed");
    assertThat(snapshot).contains("# 3 files, 40 lines, 2 findings: R 2");
  }

  @Test
  void diff_shows_missing_and_new_lines() {
    assertThat(RulingIT.diff(List.of("a", "b"), List.of("a", "b"))).isEmpty();
    assertThat(RulingIT.diff(List.of("a", "b"), List.of("b", "c"))).isEqualTo("- missing: a\n+ new:     c\n");
  }
}
