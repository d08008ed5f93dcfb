/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.hygiene;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class DuplicateModuleConstantCheckTest {

  private final DuplicateModuleConstantCheck check = new DuplicateModuleConstantCheck();

  @Test
  void duplicates_at_module_level() {
    CheckVerifier.verify(Samples.file("hygiene/duplicateModuleConstant.py"), check);
  }

  @Test
  void identical_duplicate_is_removed_by_the_quick_fix() {
    QuickFixVerifier.verify(check, """
      ALGORITHM = "HS256"
      SECRET = "x"
      ALGORITHM = "HS256"
      TTL = 5
      """, """
      ALGORITHM = "HS256"
      SECRET = "x"
      TTL = 5
      """);
    QuickFixVerifier.verify(check, """
      ALGORITHM = "HS256"
      ALGORITHM = "HS256"
      """, """
      ALGORITHM = "HS256"

      """);
  }

  @Test
  void different_values_get_no_quick_fix() {
    QuickFixVerifier.verifyNoQuickFixes(check, """
      TTL = 5
      TTL = 6
      """);
  }
}
