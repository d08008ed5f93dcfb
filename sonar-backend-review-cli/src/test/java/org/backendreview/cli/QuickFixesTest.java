/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backendreview.scanner.Finding;
import org.backendreview.scanner.Location;
import org.backendreview.scanner.QuickFix;
import org.backendreview.scanner.RuleInfo;
import org.backendreview.scanner.SampleProject;
import org.backendreview.scanner.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class QuickFixesTest {

  @TempDir
  Path dir;

  private static final RuleInfo RULE = new RuleInfo("backendreview", "R", "R", "BUG", Severity.MEDIUM, Map.of("RELIABILITY", Severity.MEDIUM),
    "COMPLETE", List.of(), List.of(), List.of(), List.of(), "X", "f", 5, 0, "<p>x</p>", List.of(), true, Object.class);

  private static Finding finding(int line, QuickFix.Edit... edits) {
    return new Finding(RULE, new Location("a.py", line, 1, line, 2, "m"), List.of(), null, "f", List.of(new QuickFix("fix it", List.of(edits))));
  }

  @Test
  void applies_non_overlapping_fixes_and_prints_a_unified_diff() {
    String original = "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\nh = 8\ni = 9\nj = 10\nk = 11\n";
    List<Finding> findings = List.of(
      finding(2, new QuickFix.Edit(2, 5, 2, 6, "20")),
      finding(2, new QuickFix.Edit(2, 1, 2, 6, "bb = 2")),
      finding(10, new QuickFix.Edit(10, 7, 10, 7, ", timeout=5"), new QuickFix.Edit(11, 1, 12, 1, "")));
    QuickFixes.FilePatch patch = QuickFixes.patch("a.py", Path.of("a.py"), original, findings);
    assertThat(patch.fixes()).as("the second fix overlaps the first").isEqualTo(2);
    assertThat(patch.fixed()).isEqualTo("a = 1\nb = 20\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\nh = 8\ni = 9\nj = 10, timeout=5\n");
    assertThat(QuickFixes.unifiedDiff(patch)).isEqualTo("""
      --- a/a.py
      +++ b/a.py
      @@ -1,5 +1,5 @@
       a = 1
      -b = 2
      +b = 20
       c = 3
       d = 4
       e = 5
      @@ -7,5 +7,4 @@
       g = 7
       h = 8
       i = 9
      -j = 10
      -k = 11
      +j = 10, timeout=5
      """);
  }

  @Test
  void fix_is_a_dry_run_unless_applied() throws Exception {
    Path project = SampleProject.copyTo(dir.resolve("project"));
    Path migration = project.resolve("shop/migrations/0002_backfill_sku.py");
    String before = Files.readString(migration, StandardCharsets.UTF_8);
    MainTest.Run dry = MainTest.run(project, "--rules", "IrreversibleDataMigration", "--fix");
    assertThat(dry.code()).isEqualTo(Main.OK);
    assertThat(dry.out()).startsWith("--- a/shop/migrations/0002_backfill_sku.py\n+++ b/shop/migrations/0002_backfill_sku.py\n@@ -14,7 +14,7 @@\n")
      .contains("-        migrations.RunPython(backfill_sku),\n+        migrations.RunPython(backfill_sku, reverse_code=migrations.RunPython.noop),\n");
    assertThat(dry.err()).contains("1 quick fix in 1 file (dry run: --fix --apply writes them)");
    assertThat(Files.readString(migration, StandardCharsets.UTF_8)).isEqualTo(before);

    MainTest.Run applied = MainTest.run(project, "--rules", "IrreversibleDataMigration", "--fix", "--apply");
    assertThat(applied.err()).contains("1 quick fix in 1 file applied");
    assertThat(Files.readString(migration, StandardCharsets.UTF_8)).contains("migrations.RunPython(backfill_sku, reverse_code=migrations.RunPython.noop)");
    assertThat(MainTest.run(project, "--rules", "IrreversibleDataMigration").out()).startsWith("No findings");
    assertThat(MainTest.run(project, "--apply").err()).contains("use --fix --apply");
  }

  @Test
  void json_and_sarif_carry_the_fixes() throws Exception {
    JsonNode finding = MainTest.run(SampleProject.DIR, "--rules", "IrreversibleDataMigration", "--format", "json").json().path("findings").get(0);
    JsonNode fix = finding.path("quickFixes").get(0);
    assertThat(fix.path("description").asText()).isNotBlank();
    assertThat(fix.path("edits").get(0).path("replacement").asText()).contains("reverse_code=migrations.RunPython.noop");
    JsonNode result = MainTest.run(SampleProject.DIR, "--rules", "IrreversibleDataMigration", "--format", "sarif").json()
      .path("runs").get(0).path("results").get(0);
    JsonNode change = result.path("fixes").get(0).path("artifactChanges").get(0);
    assertThat(change.path("artifactLocation").path("uri").asText()).isEqualTo("shop/migrations/0002_backfill_sku.py");
    assertThat(change.path("replacements").get(0).path("deletedRegion").path("startLine").asInt()).isEqualTo(17);
    assertThat(change.path("replacements").get(0).path("insertedContent").path("text").asText()).contains("reverse_code");
  }
}
