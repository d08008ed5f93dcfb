/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.sonarlint;

import java.util.List;
import java.util.Map;
import org.backendreview.its.common.PluginMetadata;
import org.sonarsource.sonarlint.core.rpc.protocol.client.issue.QuickFixDto;
import org.sonarsource.sonarlint.core.rpc.protocol.client.issue.RaisedIssueDto;
import org.sonarsource.sonarlint.core.rpc.protocol.client.issue.TextEditDto;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick fixes of our rules on the Django sample, as the IDE receives them (message, file, edits). */
final class QuickFixes {

  private QuickFixes() {
  }

  static void assertOffered(Map<String, List<RaisedIssueDto>> raised) {
    // one issue per migration file, a quick fix per irreversible operation:
    // migrations.RunPython(fill_slugs) -> add reverse_code=migrations.RunPython.noop; RunSQL(...) -> add reverse_sql=...
    List<QuickFixDto> migration = fixes(raised, "catalog/migrations/0002_product_slug.py", 21, "IrreversibleDataMigration");
    assertThat(migration).hasSize(2);
    assertThat(migration.get(1).message()).startsWith("Add \"reverse_sql=");
    QuickFixDto reverse = migration.get(0);
    assertThat(reverse.message()).isEqualTo("Add \"reverse_code=migrations.RunPython.noop\"");
    assertThat(reverse.fileEdits()).singleElement().satisfies(edit -> {
      assertThat(edit.target().getPath()).endsWith("catalog/migrations/0002_product_slug.py");
      assertThat(edit.textEdits()).extracting(TextEditDto::newText).containsExactly(", reverse_code=migrations.RunPython.noop");
    });

    // RunPython(backfill_totals, reverse_code=None) -> replace None with the no-op
    QuickFixDto none = onlyFix(raised, "orders/migrations/0002_backfill_totals.py", 15, "IrreversibleDataMigration");
    assertThat(none.message()).isEqualTo("Use \"migrations.RunPython.noop\" as reverse_code");
    assertThat(none.fileEdits().get(0).textEdits()).extracting(TextEditDto::newText).containsExactly("migrations.RunPython.noop");

    // DEFAULT_CURRENCY = "EUR" defined twice with the same value -> remove the second definition
    QuickFixDto duplicate = onlyFix(raised, "catalog/constants.py", 9, "DuplicateModuleConstant");
    assertThat(duplicate.message()).isEqualTo("Remove the redundant definition");
    assertThat(duplicate.fileEdits().get(0).textEdits()).singleElement().satisfies(edit -> {
      assertThat(edit.newText()).isEmpty();
      assertThat(edit.range().getStartLine()).isEqualTo(9);
    });
  }

  private static QuickFixDto onlyFix(Map<String, List<RaisedIssueDto>> raised, String file, int line, String rule) {
    List<QuickFixDto> fixes = fixes(raised, file, line, rule);
    assertThat(fixes).as("quick fixes of %s at %s:%d", rule, file, line).hasSize(1);
    return fixes.get(0);
  }

  private static List<QuickFixDto> fixes(Map<String, List<RaisedIssueDto>> raised, String file, int line, String rule) {
    List<RaisedIssueDto> issues = raised.getOrDefault(file, List.of()).stream()
      .filter(i -> i.getRuleKey().equals(PluginMetadata.REPOSITORY + ":" + rule) && i.getTextRange().getStartLine() == line)
      .toList();
    assertThat(issues).as("%s issue at %s:%d", rule, file, line).hasSize(1);
    return issues.get(0).getQuickFixes();
  }
}
