/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SchemaRenameCheckTest {

  @Test
  void renames_of_existing_columns_and_tables() {
    CheckVerifier.verify(Samples.project("migrations/schemaRename"), new SchemaRenameCheck());
  }
}
