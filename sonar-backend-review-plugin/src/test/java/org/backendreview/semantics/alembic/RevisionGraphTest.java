/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.alembic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionGraphTest {

  @TempDir
  Path root;

  private Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void revisions_in_release_and_branch_directories_below_versions() throws IOException {
    String base = "revision = 'a1'\ndown_revision = None\n\ndef upgrade():\n    pass\n";
    String next = "revision = 'b2'\ndown_revision = 'a1'\ndepends_on = ('c3',)\n\ndef upgrade():\n    pass\n";
    String contract = "revision = 'c3'\ndown_revision = None\nbranch_labels = ('contract',)\n\ndef upgrade():\n    pass\n";
    Path a = write("migrations/versions/zed/expand/a1_base.py", base);
    Path b = write("migrations/versions/2023_1/expand/b2_next.py", next);
    Path c = write("migrations/versions/zed/contract/c3_contract.py", contract);
    assertThat(RevisionGraph.isHistory(a, base)).isTrue();
    assertThat(RevisionGraph.isHistory(c, contract)).as("depended on").isTrue();
    assertThat(RevisionGraph.isHistory(b, next)).as("the head").isFalse();
    assertThat(RevisionGraph.revisionsAround(b)).hasSize(3);
  }

  @Test
  void downgrade_bodies() {
    assertThat(RevisionGraph.revertible("def downgrade():\n    op.drop_table('t')\n")).isTrue();
    assertThat(RevisionGraph.revertible("def downgrade() -> None:\n    # nothing\n    pass\n\n\ndef other():\n    x()\n")).isFalse();
    assertThat(RevisionGraph.revertible("def downgrade():\n    \"\"\"Nothing\n    to do.\"\"\"\n    ...\n")).isFalse();
    assertThat(RevisionGraph.revertible("def upgrade():\n    op.drop_table('t')\n")).isFalse();
  }
}
